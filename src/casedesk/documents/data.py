"""Plain data the builders need, gathered by the filings service (documents never query)."""

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Person:
    id: int
    name: str
    id_number: str | None
    phone: str
    address: str = ""


@dataclass
class OrderLine:
    order_no: str
    order_date: date | None
    amount_fen: int
    debit_status: str | None
    payment_method: str
    platform: str
    product: str = ""


@dataclass
class CaseData:
    id: int
    claimant: Person
    orders: list[OrderLine]
    problem_types: list[str]
    demands: list[str]
    evidence: list["EvidenceLine"] = field(default_factory=list)

    @property
    def amount_fen(self) -> int:
        return sum(o.amount_fen for o in self.orders)

    @property
    def fraud_claimed(self) -> bool:
        return "虚假宣传" in self.problem_types or "三倍赔偿" in self.demands


@dataclass
class MerchantData:
    id: int
    display_name: str
    company_name: str
    uscc: str
    address: str
    legal_rep: str
    platforms: list[str]
    shop_names: list[str]
    shop_ids: list[str]
    phones: list[str]

    @property
    def legal_name(self) -> str:
        return self.company_name or self.display_name


@dataclass
class EvidenceLine:
    kind: str
    description: str
    proves: str
    sha256: str
    original_name: str
    case_id: int | None = None


@dataclass
class Organisation:
    name: str = ""
    advocate: str = ""
    phone: str = ""
    address: str = ""
