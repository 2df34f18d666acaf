"""Translations. Sources are Qt Linguist .ts files in resources/i18n/ (the source language is
Simplified Chinese); the .qm files are built from them — by packaging/build-translations for a
release, or on first use into the cache folder when a checkout has none — never edited by hand."""

import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import PySide6
from PySide6.QtCore import QTranslator

from .. import paths


def ts_path(language: str) -> Path:
    return Path(str(files("casedesk.resources").joinpath(f"i18n/casedesk_{language}.ts")))


def lrelease() -> Path:
    return Path(PySide6.__file__).parent / "lrelease"


def compile_ts(ts: Path, qm: Path) -> bool:
    qm.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [str(lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return qm.exists()


def qm_path(language: str) -> Path | None:
    ts = ts_path(language)
    if not ts.exists():
        return None
    shipped = ts.with_suffix(".qm")
    # a frozen bundle ships its .qm (file times are not kept there); a checkout rebuilds a stale one
    if shipped.exists() and (getattr(sys, "frozen", False) or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    cached = paths.data_dir() / "cache" / "i18n" / shipped.name
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    return cached if compile_ts(ts, cached) else None


def load_translator(language: str) -> QTranslator | None:
    """None for Chinese (the source language) or when no translation can be had."""
    if language in ("", "zh_CN", "zh"):
        return None
    qm = qm_path(language)
    if qm is None:
        return None
    translator = QTranslator()
    return translator if translator.load(str(qm)) else None


def label(text: str) -> str:
    """Translate a label declared in a module-level table with QT_TRANSLATE_NOOP("labels", …)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("labels", text)
