"""Run one CaseDesk operation to completion; the crash test kills this process at random moments.

python tests/crash_worker.py DB OPERATION [ARG]
"""

import sys
from pathlib import Path

from casedesk.services.context import open_context


def main() -> None:
    db, operation = sys.argv[1], sys.argv[2]
    arg = sys.argv[3] if len(sys.argv) > 3 else ""
    ctx = open_context(db=db)
    print("READY", flush=True)
    if operation == "import":
        from casedesk.services.intake import import_file

        import_file(ctx, Path(arg))
    elif operation == "merge":
        from casedesk.services.merchants import merge

        merge(ctx, 1, [2, 3, 4])
    elif operation == "unmerge":
        from casedesk.services.merchants import unmerge

        unmerge(ctx, int(arg))
    elif operation == "documents":
        from casedesk.services.filings import generate_arbitration

        generate_arbitration(ctx, 3, "杭州仲裁委员会", "pdf", Path(arg))
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
