"""Erasing a claimant on request (PIPL): personal data goes, anonymous counts and amounts stay so
the group's totals still add up."""

from sqlalchemy import update
from sqlmodel import col, select

from ..store.db import transaction
from ..store.models import Case, CaseEvent, Claimant, Evidence, EvidenceBlob
from . import audit, search
from .context import Context
from .errors import NotFound, UserError
from .evidence import in_database, stored_path
from .permissions import require


def erase_claimant(ctx: Context, claimant_id: int) -> int:
    """Returns the number of evidence files removed."""
    removed_files = []
    require(ctx, "admin", "删除投诉人个人信息")
    with transaction(ctx.engine) as s:
        c = s.get(Claimant, claimant_id)
        if c is None:
            raise NotFound(f"没有编号为 {claimant_id} 的投诉人")
        if c.erased:
            raise UserError(f"投诉人 #{claimant_id} 的个人信息已删除过")
        c.name = f"已删除投诉人#{claimant_id}"
        c.id_number = None
        c.phone = ""
        c.address = ""
        c.wechat = ""
        c.notes = ""
        c.consent_date = None
        c.erased = True
        c.version += 1
        s.add(c)
        case_ids = list(s.exec(select(Case.id).where(Case.claimant_id == claimant_id)))
        if case_ids:
            s.execute(update(Case).where(col(Case.id).in_(case_ids)).values(description=""))
            s.execute(update(CaseEvent).where(col(CaseEvent.case_id).in_(case_ids)).values(text="（已删除）"))
            for e in s.exec(select(Evidence).where(col(Evidence.case_id).in_(case_ids))):
                shared = s.exec(
                    select(Evidence.id).where(Evidence.sha256 == e.sha256, Evidence.id != e.id)
                ).first()
                if shared is None and e.stored_name:
                    removed_files.append(e.stored_name)
                    blob = s.get(EvidenceBlob, e.sha256) if in_database(ctx) else None
                    if blob is not None:
                        s.delete(blob)
                s.delete(e)
        s.flush()
        search.reindex(s, case_ids)  # type: ignore[arg-type]
        audit.record(
            s,
            ctx.user,
            "claimant",
            claimant_id,
            "erase_personal_data",
            after={"cases": len(case_ids), "evidence_files": len(removed_files)},
        )
    if not in_database(ctx):
        for name in removed_files:  # after the commit: a crash leaves an orphan file, never a dangling row
            stored_path(ctx.evidence_dir, name).unlink(missing_ok=True)
    return len(removed_files)
