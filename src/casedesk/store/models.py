"""The case database. Money is integer fen; times are UTC (see utcnow)."""

from datetime import date, datetime, timezone
from typing import Any, Optional

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

# Stable constraint names so Alembic's batch mode can alter SQLite tables later.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Aware UTC; sqlmodel stores it as UTC and hands it back as UTC on every backend."""
    return datetime.now(timezone.utc)


def _fk(target: str, ondelete: str, nullable: bool = False, index: bool = True) -> Any:
    return Field(
        default=None,
        sa_column=Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index),
    )


class Merchant(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    display_name: str
    platforms: str = ""  # comma-separated normalized platform names
    company_name: str = ""
    uscc: str = ""
    legal_rep: str = ""
    address: str = ""
    status: str = "跑路"
    notes: str = ""
    # A merged-away record is kept (nothing is deleted) and points at its survivor.
    merged_into_id: Optional[int] = _fk("merchant.id", "SET NULL", nullable=True)
    created_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class MerchantIdentifier(SQLModel, table=True):
    __tablename__ = "merchant_identifier"
    __table_args__ = (Index("ix_merchant_identifier_kind_norm", "kind", "normalized"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    merchant_id: Optional[int] = _fk("merchant.id", "CASCADE")
    kind: str
    raw: str
    normalized: str
    platform: str = ""
    source: str = ""  # e.g. "import:3 row 17", "case:12", "manual"
    created_at: datetime = Field(default_factory=utcnow)


class Claimant(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    id_number: Optional[str] = Field(default=None, unique=True)
    phone: str = Field(default="", index=True)
    address: str = ""
    wechat: str = ""
    consent_date: Optional[date] = None
    notes: str = ""
    erased: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class Case(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    claimant_id: Optional[int] = _fk("claimant.id", "RESTRICT")
    merchant_id: Optional[int] = _fk("merchant.id", "RESTRICT")
    status: str = "新建"
    problem_types: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    demands: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    description: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class ChannelRef(SQLModel, table=True):
    __tablename__ = "channel_ref"
    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: Optional[int] = _fk("case.id", "CASCADE")
    channel: str  # key of vocab.CHANNELS
    ref_no: str = ""
    filed_on: Optional[date] = None


class Order(SQLModel, table=True):
    __tablename__ = "order"
    __table_args__ = (UniqueConstraint("platform", "order_no", name="uq_order_platform_no"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: Optional[int] = _fk("case.id", "CASCADE")
    platform: str = ""
    order_no: Optional[str] = None  # NULLs never collide, so orders without a number are allowed
    order_date: Optional[date] = Field(default=None, index=True)
    product: str = ""
    amount_fen: int = Field(ge=0)
    payment_method: str = "先用后付"
    debit_status: Optional[str] = None


class Evidence(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: Optional[int] = _fk("case.id", "CASCADE", nullable=True)
    merchant_id: Optional[int] = _fk("merchant.id", "CASCADE", nullable=True)
    kind: str = "其他"
    description: str = ""
    proves: str = ""
    sha256: str = ""
    stored_name: str = ""
    original_name: str = ""
    size: int = 0
    collected_on: Optional[date] = None


class CaseEvent(SQLModel, table=True):
    __tablename__ = "case_event"
    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: Optional[int] = _fk("case.id", "CASCADE")
    at: datetime = Field(default_factory=utcnow)
    kind: str = "note"
    text: str = ""


class Filing(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    merchant_id: Optional[int] = _fk("merchant.id", "RESTRICT")
    recipient: str = "samr"  # samr | cca | platform
    title: str = ""
    status: str = "草稿"  # 草稿 / 已提交 / 已受理 / 调解中 / 已结束
    representative_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class FilingCase(SQLModel, table=True):
    __tablename__ = "filing_case"
    filing_id: Optional[int] = Field(
        default=None, sa_column=Column(Integer, ForeignKey("filing.id", ondelete="CASCADE"), primary_key=True)
    )
    case_id: Optional[int] = Field(
        default=None, sa_column=Column(Integer, ForeignKey("case.id", ondelete="CASCADE"), primary_key=True)
    )


class GeneratedDocument(SQLModel, table=True):
    __tablename__ = "generated_document"
    id: Optional[int] = Field(default=None, primary_key=True)
    doc_type: str
    path: str
    sha256: str
    created_at: datetime = Field(default_factory=utcnow)
    template: str = ""
    template_version: str = ""
    merchant_id: Optional[int] = None
    filing_id: Optional[int] = None
    case_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"
    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    user: str = ""
    entity: str = ""
    entity_id: Optional[int] = None
    action: str = ""
    before: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON))
    after: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON))
    prev_hash: str = ""
    hash: str = ""


class ImportBatch(SQLModel, table=True):
    __tablename__ = "import_batch"
    id: Optional[int] = Field(default=None, primary_key=True)
    file_name: str
    sha256: str = ""
    at: datetime = Field(default_factory=utcnow)
    rows: int = 0
    imported: int = 0


class MergeRecord(SQLModel, table=True):
    __tablename__ = "merge_record"
    id: Optional[int] = Field(default=None, primary_key=True)
    survivor_id: int
    merged_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    at: datetime = Field(default_factory=utcnow)
    undone_at: Optional[datetime] = None


class NotSamePair(SQLModel, table=True):
    """An advocate's decision that two merchants are different; never suggested again."""

    __tablename__ = "not_same_pair"
    __table_args__ = (UniqueConstraint("low_id", "high_id"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    low_id: int
    high_id: int
    at: datetime = Field(default_factory=utcnow)


class SavedMapping(SQLModel, table=True):
    """A column mapping for the import wizard, reusable by name."""

    __tablename__ = "saved_mapping"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    mapping: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class User(SQLModel, table=True):
    """An advocate of a team. With no users registered, the database is single-user (admin)."""

    __tablename__ = "app_user"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    role: str = "advocate"  # admin | advocate | read-only
    created_at: datetime = Field(default_factory=utcnow)


class EvidenceBlob(SQLModel, table=True):
    """Evidence content kept in the database itself (team mode): every member reaches it, the
    server's backups include it, and one transaction covers the file and its record."""

    __tablename__ = "evidence_blob"
    sha256: str = Field(primary_key=True)
    size: int = 0
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
