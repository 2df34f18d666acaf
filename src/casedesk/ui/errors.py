"""Expected problems (bad input, locked database, full disk, unreadable file) get a plain message;
anything else is a bug and opens a dialog with a copyable traceback and the log path."""

import errno
import logging
import logging.handlers
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import OperationalError

from ..services.errors import UserError

log = logging.getLogger("casedesk")


def setup_logging(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "casedesk.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("casedesk")
    root.handlers = [h for h in root.handlers if not isinstance(h, logging.handlers.RotatingFileHandler)]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def expected_message(exc: BaseException) -> str | None:
    """A plain sentence for problems the user can act on; None for bugs."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OperationalError):
        text = str(exc.orig) if exc.orig else str(exc)
        if "locked" in text:
            return QCoreApplication.translate("errors", "数据库正被其他程序占用（已锁定），请稍后再试。")
        if "disk" in text or "full" in text:
            return QCoreApplication.translate("errors", "磁盘空间不足，操作未完成，数据未改变。")
        return QCoreApplication.translate("errors", "无法访问数据库：") + text
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return QCoreApplication.translate("errors", "磁盘空间不足，操作未完成，数据未改变。")
        if exc.errno in (errno.EACCES, errno.EPERM):
            return QCoreApplication.translate("errors", "没有权限读写文件：") + str(exc.filename or "")
        if exc.errno == errno.ENOENT:
            return QCoreApplication.translate("errors", "文件不存在：") + str(exc.filename or "")
        return QCoreApplication.translate("errors", "文件读写失败：") + str(exc)
    return None


class CrashDialog(QDialog):
    def __init__(self, traceback_text: str, log_path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("程序出错"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("发生了意外错误。数据未被部分写入。请把下面的信息发给开发者。\n日志文件：") + log_path
            )
        )
        self.details = QPlainTextEdit(traceback_text)
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("复制"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(traceback_text))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)


_log_path = ""


def report(parent: QWidget | None, exc: BaseException, traceback_text: str = "") -> QDialog:
    """Show the right dialog for an error, without blocking (tests and the event loop go on)."""
    message = expected_message(exc)
    if message is not None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("errors", "无法完成"),
            message,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.open()
        return box
    log.error("unexpected error: %s\n%s", exc, traceback_text)
    dialog = CrashDialog(traceback_text or repr(exc), _log_path, parent)
    dialog.open()
    return dialog


def install_excepthook(log_path: Path) -> None:
    global _log_path
    _log_path = str(log_path)

    def hook(kind, value, tb):  # type: ignore[no-untyped-def]
        import traceback

        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("uncaught: %s", text)
        if QApplication.instance() is not None:
            report(QApplication.activeWindow(), value, text)
        else:
            sys.__excepthook__(kind, value, tb)

    sys.excepthook = hook
