"""The import wizard: file (and sheet) → column mapping (detected, editable, savable) → preview of
every row's fate → import off the GUI thread with progress and cancel → summary and error report."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..domain.headers import FIELD_LABELS
from ..services import intake
from ..services.context import Context
from ..services.sheets import list_sheets
from . import errors
from .tasks import CancelToken, run_task


class FilePage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("选择文件"))
        self.setSubTitle(self.tr("受害者填写的表格：Excel（.xlsx）或 CSV（UTF-8 或 GBK 编码均可）"))
        self.path = QLineEdit()
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        self.sheet = QComboBox()
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("文件"), row)
        form.addRow(self.tr("工作表"), self.sheet)
        form.addRow(self.message)
        self.path.textChanged.connect(self._path_changed)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择表格"), "", self.tr("表格 (*.xlsx *.csv)"))
        if name:
            self.path.setText(name)

    def _path_changed(self) -> None:
        self.sheet.clear()
        self.message.clear()
        path = Path(self.path.text().strip())
        if path.is_file():
            try:
                self.sheet.addItems(list_sheets(path))
            except Exception as exc:  # noqa: BLE001
                self.message.setText(errors.expected_message(exc) or str(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return Path(self.path.text().strip()).is_file() and not self.message.text()

    def validatePage(self) -> bool:  # noqa: N802
        try:
            self.w.plan = intake.read_plan(Path(self.path.text().strip()), self.w.sheet_name())
        except Exception as exc:  # noqa: BLE001
            self.message.setText(errors.expected_message(exc) or str(exc))
            return False
        return True


class MappingPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("对应列"))
        self.setSubTitle(
            self.tr("已自动识别各列，可逐项修改。姓名、商家、金额必填，身份证号与手机号至少一项。")
        )
        self.combos: dict[str, QComboBox] = {}
        self.form = QFormLayout()
        for field, label in FIELD_LABELS.items():
            combo = QComboBox()
            self.combos[field] = combo
            self.form.addRow(label, combo)
            combo.currentIndexChanged.connect(self.completeChanged)
        self.unmapped = QLabel()
        self.unmapped.setWordWrap(True)
        self.saved = QComboBox()
        self.saved.activated.connect(self._apply_saved)
        save = QPushButton(self.tr("保存此映射…"))
        save.clicked.connect(self._save)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("已保存的映射：")))
        row.addWidget(self.saved)
        row.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(self.form)
        layout.addWidget(self.unmapped)

    def initializePage(self) -> None:  # noqa: N802
        plan = self.w.plan
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("（不导入）"), None)
            for i, header in enumerate(plan.headers):
                combo.addItem(f"{i + 1}. {header}", i)
            combo.setCurrentIndex(combo.findData(plan.mapping[field]) if field in plan.mapping else 0)
            combo.blockSignals(False)
        self._update_unmapped()
        self.saved.clear()
        self.saved.addItem(self.tr("（选择）"), None)
        for name in intake.saved_mappings(self.w.ctx):
            self.saved.addItem(name, name)

    def mapping(self) -> dict[str, int]:
        return {f: c.currentData() for f, c in self.combos.items() if c.currentData() is not None}

    def _update_unmapped(self) -> None:
        used = set(self.mapping().values())
        names = [h for i, h in enumerate(self.w.plan.headers) if h and i not in used]
        self.unmapped.setText(self.tr("未导入的列：") + ("、".join(names) if names else self.tr("无")))

    def _apply_saved(self) -> None:
        name = self.saved.currentData()
        if not name:
            return
        mapping = intake.apply_mapping(intake.saved_mappings(self.w.ctx)[name], self.w.plan.headers)
        for field, combo in self.combos.items():
            combo.setCurrentIndex(combo.findData(mapping[field]) if field in mapping else 0)

    def _save(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("保存映射"), self.tr("名称："))
        if ok and name:
            headers = self.w.plan.headers
            try:
                intake.save_mapping(self.w.ctx, name, {f: headers[i] for f, i in self.mapping().items()})
            except Exception as exc:  # noqa: BLE001
                errors.report(self, exc)
                return
            self.saved.addItem(name, name)

    def isComplete(self) -> bool:  # noqa: N802
        if not hasattr(self.w, "plan"):
            return False
        self._update_unmapped()
        m = self.mapping()
        return all(f in m for f in intake.REQUIRED) and ("phone" in m or "id_number" in m)

    def validatePage(self) -> bool:  # noqa: N802
        self.w.mapping = self.mapping()
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("预览"))
        self.summary = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("行"), self.tr("结果"), self.tr("列"), self.tr("说明")])
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.result: intake.ImportResult | None = None

    def initializePage(self) -> None:  # noqa: N802
        self.result = None
        self.summary.setText(self.tr("正在检查每一行…"))
        self.table.setRowCount(0)
        path, sheet, mapping = self.w.file_path(), self.w.sheet_name(), self.w.mapping
        run_task(
            lambda: intake.import_file(self.w.ctx, path, sheet, mapping, dry_run=True),
            self._show,
            lambda e, tb: self.summary.setText(errors.expected_message(e) or str(e)),
        )

    def _show(self, result: intake.ImportResult) -> None:
        self.result = result
        bad_rows = {p.row for p in result.rejected}
        self.summary.setText(
            self.tr("共 %1 行：将导入 %2 行，重复 %3 行，有误 %4 行（有误的行不会导入）。")
            .replace("%1", str(result.rows))
            .replace("%2", str(result.imported))
            .replace("%3", str(len(result.duplicates)))
            .replace("%4", str(len(bad_rows)))
        )
        rows = [(p.row, self.tr("有误"), p.column, p.message) for p in result.rejected]
        rows += [(r, self.tr("重复"), "", self.tr("订单号已存在，不会重复导入")) for r in result.duplicates]
        rows.sort()
        self.table.setRowCount(len(rows))
        for i, values in enumerate(rows):
            for c, v in enumerate(values):
                self.table.setItem(i, c, QTableWidgetItem(str(v)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.result is not None


class RunPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("导入"))
        self.progress = QProgressBar()
        self.status = QLabel()
        self.cancel_button = QPushButton(self.tr("取消导入"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.cancel_button)
        self.token = CancelToken()
        self.done = False

    def initializePage(self) -> None:  # noqa: N802
        self.done = False
        self.token = CancelToken()
        self.progress.setValue(0)
        self.status.setText(self.tr("正在导入…"))
        self.cancel_button.setEnabled(True)
        path, sheet, mapping, token = self.w.file_path(), self.w.sheet_name(), self.w.mapping, self.token
        run_task(
            lambda progress: intake.import_file(
                self.w.ctx, path, sheet, mapping, progress=progress, cancelled=token
            ),
            self._finished,
            self._failed,
            self._progress,
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def cancel(self) -> None:
        self.token.cancel()
        self.cancel_button.setEnabled(False)

    def _finished(self, result: intake.ImportResult) -> None:
        self.w.result = result
        self.done = True
        self.progress.setValue(self.progress.maximum())
        self.status.setText(self.tr("导入完成"))
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()
        self.w.imported.emit(result.imported)
        self.w.next()

    def _failed(self, exc: BaseException, tb: str) -> None:
        self.cancel_button.setEnabled(False)
        if isinstance(exc, intake.Cancelled):
            self.status.setText(self.tr("已取消：没有写入任何数据"))
            self.w.cancelled.emit()
        else:
            self.status.setText(errors.expected_message(exc) or self.tr("导入失败：没有写入任何数据"))
            if errors.expected_message(exc) is None:
                errors.report(self, exc, tb)

    def isComplete(self) -> bool:  # noqa: N802
        return self.done


class SummaryPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("完成"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.save_report = QPushButton(self.tr("保存错误报告…"))
        self.save_report.clicked.connect(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.save_report)
        layout.addStretch()

    def initializePage(self) -> None:  # noqa: N802
        r = self.w.result
        if r is None:
            return
        self.text.setText(
            self.tr("导入 %1 行；新建投诉人 %2、案件 %3、订单 %4；重复 %5 行；有误 %6 行。")
            .replace("%1", str(r.imported))
            .replace("%2", str(r.claimants_created))
            .replace("%3", str(r.cases_created))
            .replace("%4", str(r.orders_created))
            .replace("%5", str(len(r.duplicates)))
            .replace("%6", str(len({p.row for p in r.rejected})))
        )
        self.save_report.setEnabled(bool(r.rejected))

    def _save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存错误报告"), "导入错误.xlsx", "Excel (*.xlsx)"
        )
        if name:
            self.w.save_report(Path(name))


class ImportWizard(QWizard):
    imported = Signal(int)
    cancelled = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None, path: str = ""):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("导入投诉人表格"))
        self.result: intake.ImportResult | None = None
        self.mapping: dict[str, int] = {}
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.run_page, self.summary_page):
            self.addPage(page)
        self.resize(760, 600)
        if path:
            self.file_page.path.setText(path)

    def file_path(self) -> Path:
        return Path(self.file_page.path.text().strip())

    def sheet_name(self) -> str | None:
        return (
            self.file_page.sheet.currentText() or None if self.file_path().suffix.lower() != ".csv" else None
        )

    def save_report(self, path: Path) -> None:
        if self.result is not None:
            intake.write_error_report(self.result, path)  # the import kept the rejected rows' cells
