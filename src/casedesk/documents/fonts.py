"""The bundled CJK font. AR PL UMing (Arphic Public License) has TrueType outlines, which reportlab
can embed (it cannot embed CFF-based OpenType fonts such as Noto CJK). Every PDF embeds a subset,
so Chinese renders on machines without any CJK font installed."""

from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path

FONT_NAME = "UMingCN"
DOCX_EAST_ASIA = "宋体"  # Word substitutes its Song face; LibreOffice falls back to any CJK serif
DOCX_TITLE_EAST_ASIA = "方正小标宋简体"


def font_path() -> Path:
    resource = files("casedesk.resources").joinpath("fonts/uming.ttc")
    with as_file(resource) as path:
        return Path(path)


@lru_cache(maxsize=1)
def register_pdf_font() -> str:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
    for bold in (0, 1):  # the face has no bold: <b> maps to the same outlines
        for italic in (0, 1):
            addMapping(FONT_NAME, bold, italic, FONT_NAME)
    return FONT_NAME
