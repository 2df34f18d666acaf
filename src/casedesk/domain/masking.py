"""Masking of personal data for lists and group documents (PIPL: show only what is needed)."""


def mask_id_number(value: str | None) -> str:
    """110101********1234: keep the region and the last four."""
    if not value:
        return ""
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str | None) -> str:
    """138****8000."""
    if not value:
        return ""
    if len(value) < 8:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
