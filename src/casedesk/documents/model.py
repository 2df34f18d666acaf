"""The document model both renderers draw: a title and a list of blocks. Renderers decide only
typography; what a document says is decided once, here and in the templates."""

from dataclasses import dataclass, field
from typing import Union


@dataclass
class Title:
    text: str
    subtitle: str = ""


@dataclass
class Heading:
    text: str


@dataclass
class Paragraph:
    text: str
    indent: bool = True  # first-line indent of two characters
    align: str = "justify"  # justify | left | right | center
    bold: bool = False


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative column widths
    total: list[str] | None = None  # a totals row, drawn in bold
    font_size: float = 10.5
    caption: str = ""


@dataclass
class Signature:
    """Closing lines aligned right: 此致 recipient, then signer lines and date."""

    salutation: str  # 此致
    recipient: str
    lines: list[str]
    date: str


@dataclass
class PageBreak:
    pass


Block = Union[Title, Heading, Paragraph, Table, Signature, PageBreak]


@dataclass
class Document:
    doc_type: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    template: str = ""
    template_version: str = ""
    case_ids: list[int] = field(default_factory=list)

    def add(self, *blocks: Block) -> "Document":
        self.blocks.extend(blocks)
        return self

    def plain_text(self) -> str:
        """Everything the document says, for tests and search."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, (Title, Heading, Paragraph)):
                out.append(b.text)
            elif isinstance(b, Table):
                out.append(" ".join(b.headers))
                out.extend(" ".join(r) for r in b.rows)
                if b.total:
                    out.append(" ".join(b.total))
            elif isinstance(b, Signature):
                out.extend([b.salutation, b.recipient, *b.lines, b.date])
        return "\n".join(out)
