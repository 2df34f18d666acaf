"""The headless command line (contract in DESIGN.md). Exit 0 ok, 2 bad input, 1 a bug."""

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import __version__


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one line on stderr, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"casedesk: {message}（使用 --help 查看用法）\n")


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1))


def _context(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .services.context import open_context

    return open_context(db=args.db, database_url=args.database_url)


# ------------------------------------------------------------------ commands


def cmd_demo(args: argparse.Namespace) -> int:
    from .services.demo import load_demo

    ctx = _context(args)
    created = load_demo(ctx)
    print("演示数据已载入" if created else "演示数据已存在，未重复载入")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .services.stats import stats

    data = stats(_context(args))
    if args.json:
        _print_json(data)
    else:
        print(
            f"投诉人 {data['claimants']}  案件 {data['cases']}  订单 {data['orders']}  商家 {data['merchants']}  "
            f"金额 {data['total_amount_fen'] / 100:.2f} 元"
        )
    return 0


def _require_files(*names: str) -> None:
    """Refuse a missing input before anything is opened or created."""
    from .services.errors import UserError

    for name in names:
        if not Path(name).is_file():
            raise UserError(f"文件不存在：{name}")


def cmd_import(args: argparse.Namespace) -> int:
    from .services.intake import import_file, write_error_report

    _require_files(args.file)
    ctx = _context(args)
    result = import_file(ctx, Path(args.file), sheet=args.sheet, dry_run=args.dry_run)
    if args.report:
        write_error_report(result, args.report)
    if args.json:
        _print_json(result.as_json())
    else:
        print(
            f"共 {result.rows} 行：导入 {result.imported}，重复 {len(result.duplicates)}，"
            f"有误 {len({p.row for p in result.rejected})}；新建投诉人 {result.claimants_created}、"
            f"案件 {result.cases_created}、订单 {result.orders_created}"
        )
        for p in result.rejected:
            print(f"  第 {p.row} 行 [{p.column}] {p.value!r}: {p.message}")
        if result.unmapped_columns:
            print(f"  未识别的列（未导入）：{'、'.join(result.unmapped_columns)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .services.export import export_cases

    ctx = _context(args)
    count = export_cases(ctx, args.what, Path(args.out), args.format, full=args.full_personal_data)
    print(f"已导出 {count} 行到 {args.out}", file=sys.stderr)
    return 0


def cmd_merchants(args: argparse.Namespace) -> int:
    from .services import merchants as svc

    if args.merchants_cmd == "match":
        count = svc.match_csv(Path(args.input), Path(args.out))
        print(f"已处理 {count} 条商家记录，结果写入 {args.out}", file=sys.stderr)
        return 0
    ctx = _context(args)
    if args.merchants_cmd == "duplicates":
        groups = svc.duplicate_groups(ctx)
        if args.json:
            _print_json([g.as_json() for g in groups])
        else:
            for g in groups:
                print(f"[{g.confidence:.2f}] " + " / ".join(f"#{m['id']} {m['name']}" for m in g.merchants))
                for reason in g.reasons:
                    print(f"    {reason}")
        return 0
    if args.merchants_cmd == "merge":
        merge_id = svc.merge(ctx, args.survivor, args.others)
        if args.json:
            _print_json({"merge_id": merge_id, "survivor": args.survivor, "merged": args.others})
        else:
            print(merge_id)
        return 0
    if args.merchants_cmd == "unmerge":
        svc.unmerge(ctx, args.merge_id)
        print(f"合并 #{args.merge_id} 已撤销")
        return 0
    if args.merchants_cmd == "not-same":
        svc.mark_not_same(ctx, args.a, args.b)
        print(f"已记录：#{args.a} 与 #{args.b} 不是同一商家")
        return 0
    raise AssertionError(args.merchants_cmd)


def cmd_doc(args: argparse.Namespace) -> int:
    from .services import filings

    ctx = _context(args)
    outputs = filings.generate_from_cli(ctx, args)
    for path in outputs:
        print(path)
    return 0


def cmd_evidence(args: argparse.Namespace) -> int:
    from .services.evidence import add_evidence

    _require_files(*args.files)
    ctx = _context(args)
    for item in add_evidence(
        ctx, args.case, [Path(f) for f in args.files], kind=args.kind, proves=args.proves
    ):
        print(f"{item.id}\t{item.sha256}\t{item.original_name}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from .services.backup import backup

    ctx = _context(args)
    out = backup(ctx, Path(args.out), passphrase=_passphrase(args))
    print(out)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from .services.backup import restore

    report = restore(Path(args.archive), db=args.db, passphrase=_passphrase(args))
    print(report)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .services.verify import verify

    problems = verify(_context(args))
    if not problems:
        print("证据文件与审计记录均完好")
        return 0
    for p in problems:
        print(p)
    return 1


def cmd_migrate_to(args: argparse.Namespace) -> int:
    from .services.migrate import migrate_to

    report = migrate_to(_context(args), args.url)
    _print_json(report)
    return 0 if report["ok"] and not report["missing_evidence"] else 1


def cmd_users(args: argparse.Namespace) -> int:
    from .services import permissions

    ctx = _context(args)
    if args.users_cmd == "add":
        permissions.add_user(ctx, args.name, args.role)
    for name, role in permissions.users(ctx):
        print(f"{name}\t{role}")
    return 0


def cmd_erase(args: argparse.Namespace) -> int:
    from .services.errors import UserError
    from .services.privacy import erase_claimant

    if not args.yes:
        raise UserError("删除个人信息不可撤销：请确认后加 --yes 再运行")
    files = erase_claimant(_context(args), args.claimant)
    print(f"投诉人 #{args.claimant} 的个人信息已删除（证据文件 {files} 个），金额与计数保留")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from .ui.app import run_app

    return run_app(
        db=args.db,
        database_url=args.database_url,
        screenshot=args.screenshot,
        view=args.view,
        language=args.language,
    )


def _passphrase(args: argparse.Namespace) -> str | None:
    if getattr(args, "passphrase_env", None):
        value = os.environ.get(args.passphrase_env)
        if value is None:
            from .services.errors import UserError

            raise UserError(f"环境变量 {args.passphrase_env} 未设置")
        return value
    return None


# ------------------------------------------------------------------ parser


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="casedesk", description="CaseDesk：先用后付商家跑路集体维权案件管理")
    p.add_argument("--version", action="version", version=f"casedesk {__version__}")
    p.add_argument("--db", help="数据库文件（默认在数据文件夹中；也可用环境变量 CASEDESK_DB）")
    p.add_argument("--database-url", help="任意 SQLAlchemy 数据库地址，如 postgresql+psycopg://…")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    s = sub.add_parser("demo", help="载入演示数据")
    s.set_defaults(func=cmd_demo)

    s = sub.add_parser("stats", help="统计")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_stats)

    s = sub.add_parser("import", help="导入投诉人表格（xlsx/csv）")
    s.add_argument("file")
    s.add_argument("--sheet")
    s.add_argument("--json", action="store_true")
    s.add_argument("--report", help="把有误的行写入此 xlsx，修改后可直接再导入")
    s.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    s.set_defaults(func=cmd_import)

    s = sub.add_parser("export", help="导出")
    s.add_argument("what", choices=["cases"])
    s.add_argument("--format", choices=["csv", "xlsx"], required=True)
    s.add_argument("--out", required=True)
    s.add_argument(
        "--full-personal-data", action="store_true", help="导出完整身份证号和手机号（记入审计日志）"
    )
    s.set_defaults(func=cmd_export)

    m = sub.add_parser("merchants", help="商家识别、合并与撤销")
    msub = m.add_subparsers(dest="merchants_cmd", required=True, parser_class=_Parser)
    s = msub.add_parser("match", help="对 CSV 中的商家记录聚类")
    s.add_argument("input")
    s.add_argument("--out", required=True)
    s = msub.add_parser("duplicates", help="列出疑似重复的商家")
    s.add_argument("--json", action="store_true")
    s = msub.add_parser("merge", help="合并商家")
    s.add_argument("survivor", type=int)
    s.add_argument("others", type=int, nargs="+")
    s.add_argument("--json", action="store_true")
    s = msub.add_parser("unmerge", help="撤销一次合并")
    s.add_argument("merge_id", type=int)
    s = msub.add_parser("not-same", help="记录两个商家不是同一家")
    s.add_argument("a", type=int)
    s.add_argument("b", type=int)
    m.set_defaults(func=cmd_merchants)

    d = sub.add_parser("doc", help="生成文书（PDF/DOCX）")
    dsub = d.add_subparsers(dest="doc_cmd", required=True, parser_class=_Parser)
    s = dsub.add_parser("group-complaint", help="集体投诉书（附投诉人名册）")
    s.add_argument("--merchant", type=int, required=True)
    s.add_argument("--to", choices=["samr", "cca", "platform"], default="samr")
    s.add_argument("--representatives", help="代表人的投诉人编号，逗号分隔（2–5 人；默认取前两位）")
    s.add_argument("--format", choices=["pdf", "docx"], default="pdf")
    s.add_argument("--out", required=True)
    s.add_argument("--full-personal-data", action="store_true")
    s = dsub.add_parser("arbitration", help="仲裁申请书（每案一份，另附合并 PDF）")
    s.add_argument("--merchant", type=int, required=True)
    s.add_argument("--commission", required=True)
    s.add_argument("--format", choices=["pdf", "docx"], default="pdf")
    s.add_argument("--out", required=True)
    s = dsub.add_parser("roster", help="投诉人名册")
    s.add_argument("--merchant", type=int, required=True)
    s.add_argument("--format", choices=["pdf", "docx"], default="pdf")
    s.add_argument("--out", required=True)
    s.add_argument("--full-personal-data", action="store_true")
    s = dsub.add_parser("evidence-list", help="证据目录")
    group = s.add_mutually_exclusive_group(required=True)
    group.add_argument("--case", type=int)
    group.add_argument("--merchant", type=int)
    s.add_argument("--format", choices=["pdf", "docx"], default="pdf")
    s.add_argument("--out", required=True)
    s = dsub.add_parser("poa", help="授权委托书（每位投诉人一份）或代表人推选书")
    s.add_argument("--merchant", type=int, required=True)
    s.add_argument("--kind", choices=["authorization", "election"], default="authorization")
    s.add_argument("--format", choices=["pdf", "docx"], default="pdf")
    s.add_argument("--out", required=True)
    d.set_defaults(func=cmd_doc)

    e = sub.add_parser("evidence", help="证据文件")
    esub = e.add_subparsers(dest="evidence_cmd", required=True, parser_class=_Parser)
    s = esub.add_parser("add", help="把文件加入案件证据（按 SHA-256 存放）")
    s.add_argument("--case", type=int, required=True)
    s.add_argument("--kind", default="其他")
    s.add_argument("--proves", default="")
    s.add_argument("files", nargs="+")
    e.set_defaults(func=cmd_evidence)

    s = sub.add_parser("backup", help="备份数据库与证据文件")
    s.add_argument("out")
    s.add_argument("--passphrase-env", help="从此环境变量读取加密口令")
    s.set_defaults(func=cmd_backup)
    s = sub.add_parser("restore", help="恢复备份到空的数据文件夹")
    s.add_argument("archive")
    s.add_argument("--passphrase-env")
    s.set_defaults(func=cmd_restore)
    s = sub.add_parser("verify", help="校验证据文件与审计链")
    s.set_defaults(func=cmd_verify)

    s = sub.add_parser("migrate-to", help="把本地数据库（含证据）复制到空的团队数据库")
    s.add_argument("url", help="postgresql+psycopg://用户:密码@服务器/库名")
    s.set_defaults(func=cmd_migrate_to)

    u = sub.add_parser("users", help="团队成员与角色")
    usub = u.add_subparsers(dest="users_cmd", required=True, parser_class=_Parser)
    s = usub.add_parser("add", help="登记成员或修改角色（第一个须为 admin）")
    s.add_argument("name")
    s.add_argument("--role", choices=["admin", "advocate", "read-only"], default="advocate")
    usub.add_parser("list", help="列出成员")
    u.set_defaults(func=cmd_users)

    s = sub.add_parser("erase-claimant", help="按本人要求删除投诉人的个人信息（保留匿名金额与计数）")
    s.add_argument("claimant", type=int)
    s.add_argument("--yes", action="store_true", help="确认删除（不可撤销）")
    s.set_defaults(func=cmd_erase)

    s = sub.add_parser("gui", help="打开桌面程序")
    s.add_argument("--screenshot", help="载入后截图保存为 PNG 并退出")
    s.add_argument(
        "--view",
        choices=["cases", "claimants", "merchants", "filings", "documents", "dashboard"],
        default="cases",
    )
    s.add_argument("--language", choices=["zh_CN", "en"])
    s.set_defaults(func=cmd_gui)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:  # plain `casedesk` opens the app
        args.screenshot, args.view, args.language = None, "cases", None
        func = cmd_gui
    from sqlalchemy.exc import OperationalError

    from .services.errors import UserError

    try:
        return func(args)
    except UserError as exc:
        print(f"casedesk: {exc}", file=sys.stderr)
        return 2
    except OperationalError as exc:  # locked, unreachable or full: the user's to fix, not a bug
        detail = str(exc.orig) if exc.orig is not None else str(exc).splitlines()[0]
        print(f"casedesk: 无法访问数据库（{detail}），未写入任何数据", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("casedesk: 已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
