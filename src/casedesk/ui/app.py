"""Starting the desktop app: fonts, translations, logging, error dialogs, the main window; and the
--screenshot mode that waits until the chosen view has loaded, saves a PNG and exits."""

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import paths
from ..services import settings
from ..services.context import open_context
from . import errors
from .fonts import install_app_font
from .i18n import load_translator


def make_app(language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("CaseDesk")
    app.setApplicationName("CaseDesk")
    install_app_font(app)  # type: ignore[arg-type]
    from importlib.resources import files

    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(files("casedesk.resources").joinpath("icons/casedesk-256.png"))))  # type: ignore[attr-defined]
    lang = language or settings.load()["language"]
    translator = load_translator(lang)
    if translator is not None:
        app.installTranslator(translator)
        app._casedesk_translator = translator  # type: ignore[attr-defined]  # keep it alive
    QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Chinese))
    return app  # type: ignore[return-value]


def run_app(
    db: str | None = None,
    database_url: str | None = None,
    screenshot: str | None = None,
    view: str = "cases",
    language: str | None = None,
) -> int:
    if screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_app(language)
    log_path = errors.setup_logging(paths.logs_dir())
    errors.install_excepthook(log_path)
    try:
        ctx = open_context(db=db, database_url=database_url)
    except Exception as exc:  # noqa: BLE001 - shown, then exit 2
        message = errors.expected_message(exc) or str(exc)
        if screenshot:
            print(f"casedesk: {message}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "CaseDesk", message)
        return 2
    from sqlmodel import Session

    from ..services.backup import automatic_backup
    from ..services.search import ensure_index

    with Session(ctx.engine) as s:
        ensure_index(s)
        s.commit()
    if not screenshot:
        automatic_backup(ctx)
    from .main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    if screenshot:
        return _screenshot(app, window, Path(screenshot), view)
    window.show_view(view)
    return app.exec()


def _screenshot(app: QApplication, window, out: Path, view: str) -> int:  # type: ignore[no-untyped-def]
    result = {"code": 1}

    def grab() -> None:
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(out), "PNG")
        result["code"] = 0 if ok else 1
        if not ok:
            print(f"casedesk: could not write {out}", file=sys.stderr)
        app.quit()

    def loaded(key: str) -> None:
        if key == view:
            QTimer.singleShot(300, grab)

    window.view_loaded.connect(loaded)
    QTimer.singleShot(
        30_000, lambda: (print("casedesk: view did not load in 30 s", file=sys.stderr), app.quit())
    )
    window.show_view(view)
    app.exec()
    return result["code"]
