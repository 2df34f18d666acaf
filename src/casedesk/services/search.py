"""Full-text search over cases: claimant names, order numbers, merchant names and notes.

SQLite: an FTS5 table with the trigram tokenizer (substring search in Chinese). Queries of one or
two characters are shorter than a trigram and use LIKE over the same table. PostgreSQL: pg_trgm.
The index is kept by the services that change what it covers (import, edits, merges)."""

from collections.abc import Iterable

from sqlalchemy import text
from sqlmodel import Session, col, select

from ..store.models import Case, CaseEvent, Claimant, Merchant, MerchantIdentifier, Order

BATCH = 2000


def _texts(session: Session, case_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in case_ids}
    merchants: dict[int, list[int]] = {}
    for case_id, name, merchant_id, description in session.exec(
        select(Case.id, Claimant.name, Case.merchant_id, Case.description)
        .join(Claimant, col(Claimant.id) == Case.claimant_id)
        .where(col(Case.id).in_(case_ids))
    ):
        out[case_id].extend([name, description or ""])  # type: ignore[index]
        merchants.setdefault(merchant_id, []).append(case_id)  # type: ignore[arg-type]
    for case_id, order_no in session.exec(
        select(Order.case_id, Order.order_no).where(col(Order.case_id).in_(case_ids)).order_by(col(Order.id))
    ):
        if order_no:
            out[case_id].append(order_no)  # type: ignore[index]
    for case_id, note in session.exec(
        select(CaseEvent.case_id, CaseEvent.text)
        .where(col(CaseEvent.case_id).in_(case_ids))
        .order_by(col(CaseEvent.id))
    ):
        out[case_id].append(note)  # type: ignore[index]
    if merchants:
        names: dict[int, list[str]] = {}
        for mid, display in session.exec(
            select(Merchant.id, Merchant.display_name).where(col(Merchant.id).in_(list(merchants)))
        ):
            names.setdefault(mid, []).append(display)  # type: ignore[arg-type]
        for mid, raw in session.exec(
            select(MerchantIdentifier.merchant_id, MerchantIdentifier.raw)
            .where(
                col(MerchantIdentifier.merchant_id).in_(list(merchants)),
                col(MerchantIdentifier.kind).in_(["shop_name", "company_name"]),
            )
            .order_by(col(MerchantIdentifier.id))
        ):
            names.setdefault(mid, []).append(raw)  # type: ignore[arg-type]
        for mid, ids in merchants.items():
            unique = list(dict.fromkeys(names.get(mid, [])))
            for case_id in ids:
                out[case_id].extend(unique)
    return out


def reindex(session: Session, case_ids: Iterable[int] | None = None) -> int:
    """Rebuild the index rows of these cases (all cases when None), inside the caller's transaction."""
    if case_ids is None:
        session.execute(text("DELETE FROM case_search"))
        ids = list(session.exec(select(Case.id).order_by(col(Case.id))))
    else:
        ids = sorted(set(case_ids))
    for start in range(0, len(ids), BATCH):
        part = ids[start : start + BATCH]
        if case_ids is not None:
            session.execute(
                text("DELETE FROM case_search WHERE rowid IN (%s)" % ",".join(str(int(i)) for i in part))
            )
        texts = _texts(session, part)  # type: ignore[arg-type]
        session.execute(
            text("INSERT INTO case_search (rowid, text) VALUES (:id, :t)"),
            [{"id": i, "t": " ".join(t for t in texts[i] if t)} for i in part if i in texts],
        )
    return len(ids)


def reindex_merchants(session: Session, merchant_ids: Iterable[int]) -> None:
    ids = list(session.exec(select(Case.id).where(col(Case.merchant_id).in_(list(merchant_ids)))))
    reindex(session, ids)  # type: ignore[arg-type]


def ensure_index(session: Session) -> None:
    """Build the index once for a database that has cases but no index rows (e.g. after upgrade)."""
    indexed = session.execute(text("SELECT COUNT(*) FROM case_search")).scalar()
    cases = session.execute(text('SELECT COUNT(*) FROM "case"')).scalar()
    if indexed != cases:
        reindex(session)


def search_ids(session: Session, query: str, limit: int | None = None) -> list[int]:
    """Case ids whose text contains the query (substring), newest first."""
    q = " ".join(query.split())
    if not q:
        return []
    dialect = session.get_bind().dialect.name
    suffix = f" LIMIT {int(limit)}" if limit else ""
    like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if dialect == "sqlite" and len(q) >= 3:
        phrase = '"' + q.replace('"', '""') + '"'
        sql = f"SELECT rowid FROM case_search WHERE case_search MATCH :q ORDER BY rowid DESC{suffix}"
        return [r[0] for r in session.execute(text(sql), {"q": phrase})]
    sql = f"SELECT rowid FROM case_search WHERE text LIKE :q ESCAPE '\\' ORDER BY rowid DESC{suffix}"
    return [r[0] for r in session.execute(text(sql), {"q": like})]
