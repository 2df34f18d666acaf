"""GUI tests (pytest-qt, offscreen): every view, the case editor, the import wizard, the merge
dialog, the generate dialog and settings; every item model through QAbstractItemModelTester."""

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from casedesk.services import merchants as merchant_svc
from casedesk.services.demo import load_demo
from casedesk.services.stats import stats


@pytest.fixture
def demo(ctx):
    load_demo(ctx)
    return ctx


@pytest.fixture
def window(qtbot, qapp, demo, tmp_path):
    from casedesk.ui.fonts import install_app_font
    from casedesk.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    install_app_font(qapp)
    w = MainWindow(demo)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.view_loaded, timeout=10_000):
        w.show_view("cases")
    return w


def test_bundled_font_has_chinese(qapp):
    from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetrics

    from casedesk.ui.fonts import install_app_font

    family = install_app_font(qapp)
    assert family and family in QFontDatabase.families()
    assert QFontInfo(qapp.font()).family() == family
    metrics = QFontMetrics(qapp.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "鑫达跑路维权")


def test_every_view_loads(window, qtbot):
    for key in ("claimants", "merchants", "filings", "documents", "dashboard", "cases"):
        if key in window._loaded:
            window.show_view(key)
            continue
        with qtbot.waitSignal(
            window.view_loaded, timeout=10_000, check_params_cb=lambda k, key=key: k == key
        ):
            window.show_view(key)
    assert window.cases.model.rowCount() == 240
    assert window.merchants.model.rowCount() == 4
    assert window.claimants.model.rowCount() == 240


def test_models_pass_qt_model_tester(window, qtmodeltester, qtbot):
    qtmodeltester.check(window.cases.model)
    window.show_view("merchants")
    qtbot.waitUntil(lambda: window.merchants.model.rowCount() > 0, timeout=5000)
    qtmodeltester.check(window.merchants.model)
    window.show_view("claimants")
    qtbot.waitUntil(lambda: window.claimants.model.rowCount() > 0, timeout=5000)
    qtmodeltester.check(window.claimants.model)


def test_cases_model_is_lazy_and_masks(window):
    model = window.cases.model
    assert len(model.rows) < model.rowCount()  # only what the view has shown
    value = model.data(model.index(0, 2))
    assert "********" in value
    window.cases.reveal.setChecked(True)
    assert "*" not in model.data(model.index(0, 2))


def test_search_and_filters(window, qtbot):
    view = window.cases
    # QTest types ASCII only; Chinese arrives as an input-method commit, i.e. inserted text
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.search.insert("禾佳")
    qtbot.waitUntil(lambda: view.search.text() == "禾佳" and view.model.rowCount() == 80, timeout=5000)
    assert all(
        view.model.data(view.model.index(r, 4)) == "禾佳母婴官方店" for r in range(view.model.rowCount())
    )
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 240, timeout=5000)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.status.setCurrentIndex(view.status.findData("新建"))
    assert all(view.model.data(view.model.index(r, 5)) == "新建" for r in range(view.model.rowCount()))
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.ready.setChecked(True)
    assert all("可提交" in view.model.data(view.model.index(r, 10)) for r in range(view.model.rowCount()))


def test_global_search_switches_to_cases(window, qtbot):
    window.show_view("merchants")
    window.global_search.insert("聚优")
    qtbot.keyClick(window.global_search, Qt.Key.Key_Return)
    assert window.current_key() == "cases"
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 50, timeout=5000)


def test_case_editor_validates_inline_and_saves(window, qtbot, demo):
    case_id = window.cases.model.case_id(0)
    window.open_case(case_id)
    editor = window.editor
    qtbot.waitExposed(editor)
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled()
    editor.id_number.clear()
    qtbot.keyClicks(editor.id_number, "110105194912310021")
    assert "校验位" in editor.field_errors["id_number"].text()
    assert not save.isEnabled()
    editor.id_number.setText("11010519491231002X")
    assert editor.field_errors["id_number"].text() == "" and save.isEnabled()
    editor.orders.item(0, 4).setText("abc")
    assert "金额" in editor.errors_label.text() and not save.isEnabled()
    editor.orders.item(0, 4).setText("123.45")
    editor.status.setCurrentText("调解中")
    editor.note.insertPlainText("已联系平台客服")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    from casedesk.services.cases import load_case

    saved = load_case(demo, case_id)
    assert saved.status == "调解中" and saved.orders[0].amount == "123.45"
    assert any("已联系平台客服" in text for _, text in saved.events)


def test_case_editor_cancel_changes_nothing(window, qtbot, demo):
    from casedesk.services.cases import load_case

    case_id = window.cases.model.case_id(1)
    before = load_case(demo, case_id)
    window.open_case(case_id)
    editor = window.editor
    editor.name.setText("改名")
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert load_case(demo, case_id).name == before.name


def test_case_editor_evidence_drop(window, qtbot, demo, tmp_path):
    photo = tmp_path / "商品照片.png"
    from PySide6.QtGui import QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x3366AA)
    image.save(str(photo))
    case_id = window.cases.model.case_id(2)
    window.open_case(case_id)
    editor = window.editor
    before = editor.evidence.count()
    editor.evidence_kind.setCurrentText("商品照片")
    editor.add_files([photo])
    qtbot.waitUntil(lambda: editor.evidence.count() == before + 1, timeout=5000)
    editor.evidence.setCurrentRow(editor.evidence.count() - 1)
    assert editor.image.pixmap() is not None and not editor.image.pixmap().isNull()


def _sheet(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        ["1、投诉人姓名", "2、联系电话", "店铺名称", "实付金额（元）", "订单编号", "备注", "你从哪里知道我们"]
    )
    ws.append(["张三", "13800138000", "鑫达数码旗舰店", "¥299.00", "W1", "收到假货", "朋友"])
    ws.append(["李四", "13800138001", "鑫达数码旗舰店", "不记得", "W2", "", ""])
    ws.append(["王五", "13800138002", "新店", "88", "W3", "", ""])
    wb.save(path)
    return path


def test_import_wizard_full_flow(window, qtbot, demo, tmp_path):
    before = stats(demo)["orders"]
    wizard = window.open_import(str(_sheet(tmp_path / "victims.xlsx")))
    qtbot.waitExposed(wizard)
    assert wizard.file_page.isComplete()
    wizard.next()
    page = wizard.mapping_page
    assert page.combos["name"].currentData() == 0 and page.combos["amount"].currentData() == 3
    assert "你从哪里知道我们" in page.unmapped.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.result is not None, timeout=5000)
    assert wizard.preview_page.result.imported == 2
    assert stats(demo)["orders"] == before  # the preview wrote nothing
    assert wizard.preview_page.table.rowCount() == 1
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=5000)
    assert stats(demo)["orders"] == before + 2
    assert wizard.summary_page.save_report.isEnabled()
    report = tmp_path / "errors.xlsx"
    wizard.save_report(report)
    rows = list(openpyxl.load_workbook(report).active.iter_rows(values_only=True))
    assert rows[1][0] == "李四" and "金额" in rows[1][-1]


def test_import_wizard_mapping_can_be_changed_and_saved(window, qtbot, demo, tmp_path):
    wizard = window.open_import(str(_sheet(tmp_path / "v.xlsx")))
    wizard.next()
    page = wizard.mapping_page
    page.combos["amount"].setCurrentIndex(0)  # (不导入)
    assert not page.isComplete()
    page.combos["amount"].setCurrentIndex(page.combos["amount"].findData(3))
    assert page.isComplete()
    from casedesk.services import intake

    intake.save_mapping(demo, "问卷星导出", {"name": "1、投诉人姓名"})
    page.initializePage()
    assert page.saved.findData("问卷星导出") > 0


def test_import_wizard_cancel_writes_nothing(window, qtbot, demo, tmp_path):
    path = tmp_path / "big.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "手机号", "商家名称", "金额", "订单号"])
    for i in range(3000):
        ws.append([f"人{i}", f"139{i:08d}", "大店", "10", f"C{i}"])
    wb.save(path)
    before = stats(demo)["orders"]
    wizard = window.open_import(str(path))
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.result is not None, timeout=10_000)
    wizard.run_page.token.cancel()  # cancelled before it starts: the first progress check stops it
    original = wizard.run_page.initializePage

    def start_cancelled():
        original()
        wizard.run_page.cancel()

    wizard.run_page.initializePage = start_cancelled
    with qtbot.waitSignal(wizard.cancelled, timeout=10_000):
        wizard.next()
    assert stats(demo)["orders"] == before


def test_duplicates_panel_merge_dialog_and_history(window, qtbot, demo):
    window.show_view("merchants")
    panel = window.merchants.duplicates
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10_000)
    assert "#1" in panel.list.item(0).text() and "#4" in panel.list.item(0).text()
    assert panel.compare.columnCount() == 2 and "理由" in panel.reasons.text()
    panel.merge_selected()
    dialog = panel.dialog
    qtbot.waitExposed(dialog)
    assert dialog.survivor() == 1
    assert dialog.field_choices()["display_name"] == 1
    with qtbot.waitSignal(panel.changed, timeout=5000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert stats(demo)["merchants"] == 3
    history = window.merchants.history
    history.refresh()
    assert history.list.count() == 1
    history.list.setCurrentRow(0)
    history.unmerge_selected()
    assert stats(demo)["merchants"] == 4


def test_not_same_button(window, qtbot, demo):
    window.show_view("merchants")
    panel = window.merchants.duplicates
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10_000)
    panel.mark_not_same()
    qtbot.waitUntil(lambda: panel.list.count() == 0, timeout=10_000)
    assert merchant_svc.duplicate_groups(demo) == []


def test_merge_dialog_field_choice(qtbot, demo):
    from casedesk.ui.merchants_view import MergeDialog

    dialog = MergeDialog(demo, [2, 3])
    qtbot.addWidget(dialog)
    dialog.survivor_group.button(3).setChecked(True)
    combo = dialog.choices["company_name"]
    combo.setCurrentIndex(combo.findData(2))
    dialog.accept()
    assert dialog.merge_id is not None
    from sqlmodel import Session

    from casedesk.store.models import Merchant

    with Session(demo.engine) as s:
        assert s.get(Merchant, 3).company_name == "广州市禾佳母婴用品有限公司"
        assert s.get(Merchant, 2).merged_into_id == 3


def test_generate_dialog_makes_pdf_and_preview(window, qtbot, demo, tmp_path):
    window.show_view("filings")
    qtbot.waitUntil(lambda: window.filings.table.rowCount() == 3, timeout=5000)
    window.filings.open_generate()
    dialog = window.filings.dialog
    dialog.merchant.setCurrentIndex(dialog.merchant.findData(3))
    dialog.kind.setCurrentIndex(dialog.kind.findData("group_complaint"))
    dialog.out.setText(str(tmp_path / "complaint.pdf"))
    with qtbot.waitSignal(dialog.generated, timeout=30_000):
        dialog.generate()
    assert (tmp_path / "complaint.pdf").exists()
    qtbot.waitUntil(lambda: window.filings.preview.shown > 0, timeout=10_000)
    # too few representatives: a clear message, nothing written
    for i in range(dialog.representatives.count()):
        dialog.representatives.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.out.setText(str(tmp_path / "again.pdf"))
    dialog.generate()
    qtbot.waitUntil(lambda: "代表人" in dialog.message.text(), timeout=10_000)
    assert not (tmp_path / "again.pdf").exists()


def test_settings_dialog_saves_and_validates(window, qtbot, demo):
    from casedesk.services import settings

    dialog = window.open_settings()
    dialog.edits["advocate"].setText("赵律师")
    dialog.edits["advocate_phone"].setText("电话号码")
    dialog.accept()
    assert dialog.message.text() and settings.load(demo.data_dir)["advocate"] == ""
    dialog.edits["advocate_phone"].setText("020-12345678")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    saved = settings.load(demo.data_dir)
    assert saved["advocate"] == "赵律师" and saved["language"] == "en"


def test_documents_view_lists_templates_and_copies(window, qtbot, demo, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    window.show_view("documents")
    view = window.documents
    qtbot.waitUntil(lambda: view.templates.count() >= 6, timeout=5000)
    view.templates.setCurrentRow(0)
    path = view.copy_template()
    assert path.exists() and path.parent == demo.data_dir / "templates"


def test_expected_errors_get_a_plain_message(qtbot):
    from casedesk.services.errors import UserError
    from casedesk.ui import errors

    box = errors.report(None, UserError("文件不存在：x.xlsx"))
    qtbot.addWidget(box)
    assert isinstance(box, QMessageBox) and "x.xlsx" in box.text()
    crash = errors.report(None, RuntimeError("boom"), "Traceback ...\nRuntimeError: boom")
    qtbot.addWidget(crash)
    assert "RuntimeError" in crash.details.toPlainText()


def test_screenshot_command(tmp_path, demo):
    import subprocess
    import sys

    out = tmp_path / "shot.png"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "casedesk",
            "--db",
            str(demo.engine.url.database),
            "gui",
            "--screenshot",
            str(out),
            "--view",
            "dashboard",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert image.width() > 800 and image.height() > 500


def test_print_pdf_to_a_pdf_printer(qapp, demo, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from casedesk.services import filings
    from casedesk.ui.printing import print_pdf

    source = tmp_path / "roster.pdf"
    filings.generate_single(demo, "roster", 2, "pdf", source)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = print_pdf(source, printer)
    from pypdf import PdfReader

    assert pages == len(PdfReader(str(source)).pages) == len(PdfReader(str(tmp_path / "printed.pdf")).pages)


def test_generate_dialog_cancel_writes_nothing(window, qtbot, demo, tmp_path):
    window.show_view("filings")
    window.filings.open_generate()
    dialog = window.filings.dialog
    dialog.merchant.setCurrentIndex(dialog.merchant.findData(1))
    dialog.kind.setCurrentIndex(dialog.kind.findData("arbitration"))
    dialog.commission.setText("深圳国际仲裁院")
    dialog.out.setText(str(tmp_path / "arb"))
    dialog.generate()
    dialog.cancel()
    qtbot.waitUntil(lambda: "取消" in dialog.message.text(), timeout=60_000)
    assert not list((tmp_path / "arb").glob("*.pdf"))


def test_locked_database_and_full_disk_are_plain_messages():
    import errno

    from sqlalchemy.exc import OperationalError

    from casedesk.ui import errors

    locked = OperationalError("UPDATE x", {}, Exception("database is locked"))
    assert "锁定" in errors.expected_message(locked)
    assert "磁盘空间不足" in errors.expected_message(OSError(errno.ENOSPC, "No space left on device"))
    assert "没有权限" in errors.expected_message(PermissionError(errno.EACCES, "denied", "/x"))
    assert errors.expected_message(RuntimeError("bug")) is None
