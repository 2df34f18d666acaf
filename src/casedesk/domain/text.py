"""Small text helpers shared by the parsers."""

import unicodedata


def nfkc(value: object) -> str:
    """NFKC-normalize and trim; full-width digits and letters become ASCII."""
    if value is None:
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip()


def strip_inner_space(value: str) -> str:
    return "".join(value.split())
