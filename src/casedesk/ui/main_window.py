"""The main window: navigation, global search, menus with shortcuts, status bar; geometry and
column layouts are remembered (QSettings)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from .. import __version__
from ..services.context import Context
from .case_editor import CaseEditor
from .cases_view import CasesView
from .claimants_view import ClaimantsView
from .dashboard_view import DashboardView
from .documents_view import DocumentsView, FilingsView
from .i18n import label as tr_label
from .import_wizard import ImportWizard
from .merchants_view import MerchantsView
from .settings_dialog import SettingsDialog

VIEWS = [
    ("cases", QT_TRANSLATE_NOOP("labels", "案件")),
    ("claimants", QT_TRANSLATE_NOOP("labels", "投诉人")),
    ("merchants", QT_TRANSLATE_NOOP("labels", "商家")),
    ("filings", QT_TRANSLATE_NOOP("labels", "集体投诉")),
    ("documents", QT_TRANSLATE_NOOP("labels", "文书")),
    ("dashboard", QT_TRANSLATE_NOOP("labels", "统计")),
]


class MainWindow(QMainWindow):
    view_loaded = Signal(str)

    def __init__(self, ctx: Context):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(
            self.tr("CaseDesk 维权案件台") + f" — {ctx.engine.url.database or ctx.engine.url}"
        )
        self.cases = CasesView(ctx)
        self.claimants = ClaimantsView(ctx)
        self.merchants = MerchantsView(ctx)
        self.filings = FilingsView(ctx)
        self.documents = DocumentsView(ctx)
        self.dashboard = DashboardView(ctx)
        self.pages = {
            "cases": self.cases,
            "claimants": self.claimants,
            "merchants": self.merchants,
            "filings": self.filings,
            "documents": self.documents,
            "dashboard": self.dashboard,
        }
        self._loaded: set[str] = set()
        for key, page in self.pages.items():
            page.loaded.connect(lambda n, key=key: self._page_loaded(key, n))

        self.nav = QListWidget()
        self.nav.setFixedWidth(130)
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 10px 8px; }")
        for _, label in VIEWS:
            self.nav.addItem(tr_label(label))
        self.stack = QStackedWidget()
        for key, _ in VIEWS:
            self.stack.addWidget(self.pages[key])
        self.nav.currentRowChanged.connect(self._switch)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack)
        self.setCentralWidget(central)

        self.global_search = QLineEdit()
        self.global_search.setPlaceholderText(self.tr("全局搜索（Ctrl+F）：姓名、订单号、商家…"))
        self.global_search.setClearButtonEnabled(True)
        self.global_search.returnPressed.connect(self._search)
        toolbar = QToolBar(self.tr("工具栏"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(" "))
        toolbar.addWidget(self.global_search)
        self.addToolBar(toolbar)
        self._menus()
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self.cases.open_case.connect(self.open_case)
        self.cases.loaded.connect(lambda n: self.status.setText(self.tr("案件：%n 件", "", n)))
        self._restore()
        self.editor: CaseEditor | None = None
        self.wizard: ImportWizard | None = None

    # -- menus

    def _menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self._action(file_menu, self.tr("导入表格…"), "Ctrl+I", self.open_import)
        self._action(file_menu, self.tr("生成文书…"), "Ctrl+G", self._generate)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出"), QKeySequence.StandardKey.Quit, self.close)
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        for i, (key, label) in enumerate(VIEWS):
            self._action(view_menu, tr_label(label), f"Ctrl+{i + 1}", lambda key=key: self.show_view(key))
        self._action(view_menu, self.tr("刷新"), QKeySequence.StandardKey.Refresh, self.refresh_current)
        self._action(view_menu, self.tr("搜索"), QKeySequence.StandardKey.Find, self._focus_search)
        tools = bar.addMenu(self.tr("工具(&T)"))
        self._action(tools, self.tr("设置…"), QKeySequence.StandardKey.Preferences, self.open_settings)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("关于 CaseDesk"), None, self._about)

    def _action(self, menu, text, shortcut, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- navigation

    def show_view(self, key: str) -> None:
        self.nav.setCurrentRow([k for k, _ in VIEWS].index(key))

    def current_key(self) -> str:
        return VIEWS[self.stack.currentIndex()][0]

    def _switch(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        key = VIEWS[row][0]
        if key not in self._loaded:
            self.pages[key].refresh()

    def refresh_current(self) -> None:
        self.pages[self.current_key()].refresh()

    def _page_loaded(self, key: str, n: int) -> None:
        self._loaded.add(key)
        self.view_loaded.emit(key)

    def _focus_search(self) -> None:
        self.global_search.setFocus()
        self.global_search.selectAll()

    def _search(self) -> None:
        self.show_view("cases")
        self.cases.focus_search(self.global_search.text())

    # -- actions

    def open_case(self, case_id: int) -> None:
        self.editor = CaseEditor(self.ctx, case_id, self)
        self.editor.saved.connect(lambda cid: self.cases.model.invalidate([cid]))
        self.editor.open()

    def open_import(self, path: str = "") -> ImportWizard:
        self.wizard = ImportWizard(self.ctx, self, path if isinstance(path, str) else "")
        self.wizard.imported.connect(lambda _n: self._after_import())
        self.wizard.open()
        return self.wizard

    def _after_import(self) -> None:
        self._loaded.clear()
        self.refresh_current()

    def _generate(self) -> None:
        self.show_view("filings")
        self.filings.open_generate()

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.ctx, self)
        dialog.open()
        return dialog

    def _about(self) -> None:
        QMessageBox.about(
            self, self.tr("关于 CaseDesk"), self.tr("CaseDesk 维权案件台 %1").replace("%1", __version__)
        )

    # -- remembered layout

    def _restore(self) -> None:
        s = QSettings()
        geometry = s.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        header = s.value("cases/header")
        if isinstance(header, QByteArray):
            self.cases.table.horizontalHeader().restoreState(header)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        s = QSettings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("cases/header", self.cases.table.horizontalHeader().saveState())
        super().closeEvent(event)
