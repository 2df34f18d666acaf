"""Reading spreadsheets row by row: XLSX (openpyxl, read-only, streaming) and CSV in any of the
encodings Chinese Excel writes (UTF-8 with or without BOM, GB18030/GBK)."""

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError

MAX_HEADER_SCAN = 10


@dataclass
class Sheet:
    path: Path
    sheet_name: str
    estimated_rows: int
    rows: Iterator[tuple[int, list[object]]]  # (sheet row number, cells)
    close: Callable[[], None]


def list_sheets(path: Path) -> list[str]:
    if _kind(path) != "xlsx":
        return [path.stem]
    wb = _open_workbook(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def _kind(path: Path) -> str:
    if not path.exists():
        raise UserError(f"文件不存在：{path}")
    if path.is_dir():
        raise UserError(f"这是一个文件夹，不是表格文件：{path}")
    if path.stat().st_size == 0:
        raise UserError(f"{path.name} 是空文件")
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(b"PK"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(
            f"{path.name} 是旧版 .xls 或带密码保护的 Excel 文件，请在 Excel 中另存为 .xlsx（不设密码）后再导入"
        )
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise UserError(f"{path.name} 不是有效的 Excel 文件（文件已损坏或扩展名不符）")
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UserError(f"{path.name} 不是表格文件（二进制内容）")
    return "csv"


def _open_workbook(path: Path):  # type: ignore[no-untyped-def]
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UserError(f"{path.name} 无法作为 Excel 文件打开：{exc}") from None


def open_sheet(path: Path, sheet: str | None = None) -> Sheet:
    path = Path(path)
    if _kind(path) == "xlsx":
        wb = _open_workbook(path)
        if sheet is not None and sheet not in wb.sheetnames:
            wb.close()
            raise UserError(f"{path.name} 中没有名为「{sheet}」的工作表（有：{'、'.join(wb.sheetnames)}）")
        ws = wb[sheet] if sheet else wb.worksheets[0]
        try:
            estimate = max(0, (ws.max_row or 0) - 1)
        except Exception:
            estimate = 0
        first = ws.min_row or 1

        def xlsx_rows() -> Iterator[tuple[int, list[object]]]:
            for offset, values in enumerate(ws.iter_rows(values_only=True)):
                yield first + offset, list(values)

        return Sheet(path, ws.title, estimate, xlsx_rows(), wb.close)
    encoding = _sniff_encoding(path)
    handle = path.open("rb")
    size = path.stat().st_size
    text = io.TextIOWrapper(handle, encoding=encoding, newline="", errors="strict")

    def csv_rows() -> Iterator[tuple[int, list[object]]]:
        reader = csv.reader(text)
        row = 0
        try:
            for row, values in enumerate(reader, start=1):
                yield row, list(values)
        except UnicodeDecodeError:
            raise UserError(
                f"{path.name} 第 {row + 1} 行含有无法识别的字符（编码既不是 UTF-8 也不是 GB18030）"
            ) from None
        except csv.Error as exc:
            raise UserError(f"{path.name} 第 {row + 1} 行格式错误：{exc}") from None

    return Sheet(path, path.stem, max(1, size // 80), csv_rows(), handle.close)


def _sniff_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the start decodes as UTF-8, else GB18030 (a GBK superset)."""
    with path.open("rb") as f:
        head = f.read(65536)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut at the end of the sample
            return "utf-8"
    try:
        head.decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError:
        raise UserError(
            f"{path.name} 的编码无法识别（不是 UTF-8，也不是 GBK/GB18030）；请用 Excel 另存为 CSV UTF-8"
        ) from None
