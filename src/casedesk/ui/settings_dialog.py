"""Settings: organisation and advocate details used in filings, default recipient and commission,
interface language, data folder (shown; moved with CASEDESK_DATA_DIR)."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ..services import settings
from ..services.context import Context


class SettingsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("设置"))
        values = settings.load(ctx.data_dir)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for key, label in (
            ("organisation", self.tr("机构名称")),
            ("advocate", self.tr("经办人")),
            ("advocate_phone", self.tr("经办人电话")),
            ("advocate_address", self.tr("经办人地址")),
            ("default_commission", self.tr("默认仲裁委员会")),
            ("database_url", self.tr("团队数据库地址（留空用本地；重启后生效）")),
        ):
            edit = QLineEdit(str(values[key]))
            self.edits[key] = edit
            form.addRow(label, edit)
        self.recipient = QComboBox()
        for key, label in (
            ("samr", self.tr("市场监督管理局（12315）")),
            ("cca", self.tr("消费者协会")),
            ("platform", self.tr("平台")),
        ):
            self.recipient.addItem(label, key)
        self.recipient.setCurrentIndex(max(0, self.recipient.findData(values["default_recipient"])))
        form.addRow(self.tr("默认投诉对象"), self.recipient)
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(values["language"])))
        form.addRow(self.tr("界面语言（重启后生效）"), self.language)
        self.backups = QSpinBox()
        self.backups.setRange(1, 100)
        self.backups.setValue(int(values["backups_keep"]))
        form.addRow(self.tr("自动备份保留份数"), self.backups)
        form.addRow(self.tr("数据文件夹"), QLabel(str(ctx.data_dir)))
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        phone = self.edits["advocate_phone"].text().strip()
        if phone and not phone.replace("-", "").replace(" ", "").lstrip("+").isdigit():
            self.message.setText(self.tr("电话只能包含数字、空格和 -"))
            return
        values = settings.load(self.ctx.data_dir)
        values.update({k: e.text().strip() for k, e in self.edits.items()})
        values["default_recipient"] = self.recipient.currentData()
        values["language"] = self.language.currentData()
        values["backups_keep"] = self.backups.value()
        settings.save(values, self.ctx.data_dir)
        super().accept()
