"""The 集体投诉 and 文书 tabs: filings, the generate-document dialog (merchant, type, recipient,
representatives, format → generated off the GUI thread → PDF preview), generated documents and
templates (copy one to edit it)."""

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..documents import templates as tpl
from ..services import cases as case_svc
from ..services import documents_list, settings
from ..services.context import Context
from . import errors
from .i18n import label as tr_label
from .pdf_preview import PdfPreview
from .tasks import CancelToken, run_task

DOC_TYPES = [
    ("group_complaint", QT_TRANSLATE_NOOP("labels", "集体投诉书（附名册）")),
    ("roster", QT_TRANSLATE_NOOP("labels", "投诉人名册")),
    ("arbitration", QT_TRANSLATE_NOOP("labels", "仲裁申请书（每案一份 + 合并打印）")),
    ("poa", QT_TRANSLATE_NOOP("labels", "授权委托书")),
    ("election", QT_TRANSLATE_NOOP("labels", "代表人推选书")),
    ("evidence_list", QT_TRANSLATE_NOOP("labels", "证据目录")),
]


DOC_TYPE_LABELS = {
    "group_complaint": QT_TRANSLATE_NOOP("labels", "集体投诉书"),
    "roster": QT_TRANSLATE_NOOP("labels", "投诉人名册"),
    "arbitration": QT_TRANSLATE_NOOP("labels", "仲裁申请书"),
    "arbitration_combined": QT_TRANSLATE_NOOP("labels", "仲裁申请书（合并打印）"),
    "power_of_attorney": QT_TRANSLATE_NOOP("labels", "授权委托书"),
    "representative_election": QT_TRANSLATE_NOOP("labels", "代表人推选书"),
    "evidence_list": QT_TRANSLATE_NOOP("labels", "证据目录"),
}


class GenerateDialog(QDialog):
    generated = Signal(list)

    def __init__(self, ctx: Context, parent: QWidget | None = None, merchant_id: int | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("生成文书"))
        prefs = settings.load(ctx.data_dir)
        self.merchant = QComboBox()
        for m in case_svc.merchant_rows(ctx):
            self.merchant.addItem(f"#{m['id']} {m['name']}（{m['claimants']} 人）", m["id"])
        if merchant_id is not None:
            self.merchant.setCurrentIndex(max(0, self.merchant.findData(merchant_id)))
        self.kind = QComboBox()
        for key, label in DOC_TYPES:
            self.kind.addItem(tr_label(label), key)
        self.recipient = QComboBox()
        for key, label in documents_list.RECIPIENTS.items():
            self.recipient.addItem(label, key)
        self.recipient.setCurrentIndex(max(0, self.recipient.findData(prefs["default_recipient"])))
        self.commission = QLineEdit(prefs["default_commission"])
        self.commission.setPlaceholderText(self.tr("如：广州仲裁委员会"))
        self.representatives = QListWidget()
        self.representatives.setMaximumHeight(140)
        self.format = QComboBox()
        self.format.addItems(["pdf", "docx"])
        self.out = QLineEdit()
        browse = QPushButton(self.tr("…"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out)
        out_row.addWidget(browse)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("商家"), self.merchant)
        form.addRow(self.tr("文书"), self.kind)
        form.addRow(self.tr("投诉对象"), self.recipient)
        form.addRow(self.tr("仲裁委员会"), self.commission)
        form.addRow(self.tr("代表人（勾选 2–5 人）"), self.representatives)
        form.addRow(self.tr("格式"), self.format)
        form.addRow(self.tr("保存到"), out_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("生成"))
        self.cancel_button = self.buttons.addButton(
            self.tr("取消生成"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.token = CancelToken()
        self.buttons.accepted.connect(self.generate)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.merchant.currentIndexChanged.connect(self._fill_people)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._fill_people()
        self._kind_changed()
        self.outputs: list[Path] = []

    def _fill_people(self) -> None:
        from ..services.merchants import merchant_detail

        self.representatives.clear()
        mid = self.merchant.currentData()
        if mid is None:
            return
        seen = set()
        for i, (case_id, name, _status) in enumerate(merchant_detail(self.ctx, mid)["roster"]):
            if name in seen:
                continue
            seen.add(name)
            item = QListWidgetItem(f"{name}（案件 #{case_id}）")
            item.setData(Qt.ItemDataRole.UserRole, case_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if i < 2 else Qt.CheckState.Unchecked)
            self.representatives.addItem(item)
        self._default_out()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.recipient.setEnabled(kind == "group_complaint")
        self.commission.setEnabled(kind == "arbitration")
        self.representatives.setEnabled(kind in ("group_complaint", "election"))
        self._default_out()

    def _default_out(self) -> None:
        kind, fmt = self.kind.currentData(), self.format.currentText()
        folder = Path.home() / "CaseDesk文书"
        name = dict(DOC_TYPES).get(kind, "文书").split("（")[0]
        mid = self.merchant.currentData()
        self.out.setText(str(folder / (f"{name}_{mid}" if kind == "arbitration" else f"{name}_{mid}.{fmt}")))

    def _browse(self) -> None:
        if self.kind.currentData() == "arbitration":
            name = QFileDialog.getExistingDirectory(self, self.tr("保存到文件夹"))
        else:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("保存为"), self.out.text())
        if name:
            self.out.setText(name)

    def representative_claimants(self) -> list[int]:
        from ..services.cases import load_case

        ids = []
        for i in range(self.representatives.count()):
            item = self.representatives.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(load_case(self.ctx, item.data(Qt.ItemDataRole.UserRole)).claimant_id)
        return ids

    def generate(self) -> None:
        kind, fmt, out = self.kind.currentData(), self.format.currentText(), Path(self.out.text().strip())
        mid = self.merchant.currentData()
        if mid is None:
            self.message.setText(self.tr("请先选择商家"))
            return
        reps = self.representative_claimants()
        to, commission = self.recipient.currentData(), self.commission.text()
        ctx = self.ctx
        if kind != "arbitration":
            out.parent.mkdir(parents=True, exist_ok=True)

        from ..services import filings  # reportlab and python-docx load only when needed

        self.token = token = CancelToken()

        def work(progress):  # type: ignore[no-untyped-def]
            if kind == "arbitration":
                return filings.generate_arbitration(
                    ctx, mid, commission, fmt, out, progress=progress, cancelled=token
                )
            if kind == "evidence_list":
                return [filings.generate_single(ctx, "evidence_list", mid, fmt, out)]
            real = {"election": "poa"}.get(kind, kind)
            return [
                filings.generate_single(
                    ctx, real, mid, fmt, out, to=to, representatives=reps, election=kind == "election"
                )
            ]

        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.cancel_button.setEnabled(kind == "arbitration")
        run_task(work, self._done, self._failed, self._progress)

    def cancel(self) -> None:
        self.token.cancel()
        self.cancel_button.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, outputs: list[Path]) -> None:
        self.outputs = outputs
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.message.setText(self.tr("已生成：") + "\n".join(str(p) for p in outputs[:5]))
        self.generated.emit(outputs)

    def _failed(self, exc: BaseException, tb: str) -> None:
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.message.setText(errors.expected_message(exc) or self.tr("生成失败"))
        if errors.expected_message(exc) is None:
            errors.report(self, exc, tb)


class FilingsView(QWidget):
    loaded = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("商家"),
                self.tr("投诉对象"),
                self.tr("状态"),
                self.tr("案件数"),
                self.tr("标题"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 180)
        self.table.setColumnWidth(2, 180)
        self.preview = PdfPreview()
        generate = QPushButton(self.tr("生成文书…"))
        generate.clicked.connect(self.open_generate)
        self.print_button = QPushButton(self.tr("打印预览中的文书…"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_current)
        self.current_pdf: Path | None = None
        split = QSplitter()
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(self.table)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.print_button)
        row.addWidget(generate)
        lv.addLayout(row)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.dialog: GenerateDialog | None = None

    def refresh(self) -> None:
        rows = documents_list.filings(self.ctx)
        self.table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            for c, v in enumerate(
                (
                    f["id"],
                    f"#{f['merchant_id']} {f['merchant']}",
                    f["recipient"],
                    f["status"],
                    f["cases"],
                    f["title"],
                )
            ):
                self.table.setItem(r, c, QTableWidgetItem(str(v)))
        self.loaded.emit(len(rows))

    def open_generate(self) -> None:
        row = self.table.currentRow()
        merchant_id = None
        if row >= 0:
            merchant_id = int(self.table.item(row, 1).text().split()[0].lstrip("#"))
        self.dialog = GenerateDialog(self.ctx, self, merchant_id)
        self.dialog.generated.connect(self.show_result)
        self.dialog.open()

    def show_result(self, outputs: list[Path]) -> None:
        pdfs = [p for p in outputs if p.suffix == ".pdf"]
        if pdfs:
            self.current_pdf = pdfs[-1]
            self.preview.load(pdfs[-1])
            self.print_button.setEnabled(True)

    def print_current(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from .printing import print_pdf

        if self.current_pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            try:
                print_pdf(self.current_pdf, printer)
            except Exception as exc:  # noqa: BLE001
                errors.report(self, exc)


class DocumentsView(QWidget):
    loaded = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("类型"), self.tr("时间"), self.tr("模板"), self.tr("案件数"), self.tr("文件")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.templates = QListWidget()
        copy = QPushButton(self.tr("复制并编辑所选模板"))
        copy.clicked.connect(self.copy_template)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("文书模板（编辑副本后，新生成的文书即使用副本）")))
        right.addWidget(self.templates)
        right.addWidget(copy)
        holder = QWidget()
        holder.setLayout(right)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(holder)
        split.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def refresh(self) -> None:
        docs = documents_list.generated_documents(self.ctx)
        self.table.setRowCount(len(docs))
        for r, d in enumerate(docs):
            for c, v in enumerate(
                (
                    tr_label(DOC_TYPE_LABELS.get(d["type"], d["type"])),
                    f"{d['created'].astimezone():%Y-%m-%d %H:%M}",  # stored in UTC, shown in local time
                    d["template"],
                    d["cases"],
                    d["path"],
                )
            ):
                item = QTableWidgetItem(str(v))
                item.setToolTip(f"SHA-256 {d['sha256']}")
                self.table.setItem(r, c, item)
        from ..services.filings import template_dir

        self.templates.clear()
        folder = template_dir(self.ctx)
        for name in tpl.available():
            t = tpl.load(name, folder)
            self.templates.addItem(f"{name}  —  {t.title} v{t.version}（{t.source}）")
            self.templates.item(self.templates.count() - 1).setData(Qt.ItemDataRole.UserRole, name)
        self.loaded.emit(len(docs))

    def _open(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.table.item(row, 4).text()))

    def copy_template(self) -> Path | None:
        item = self.templates.currentItem()
        if item is None:
            return None
        from ..services.filings import template_dir

        path = tpl.copy_for_editing(item.data(Qt.ItemDataRole.UserRole), template_dir(self.ctx))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.refresh()
        return path
