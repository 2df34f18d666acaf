"""Item models shared by the list views: columns declared once (key, translatable label)."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..domain.money import format_fen
from .i18n import label as tr_label

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ColumnsModel(QAbstractTableModel):
    """Headers from COLUMNS = [(key, QT_TRANSLATE_NOOP("labels", text)), …]; rows are the subclass's."""

    COLUMNS: list[tuple[str, str]] = []

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return tr_label(self.COLUMNS[section][1])
        return str(section + 1)


class RowsModel(ColumnsModel):
    """A list of dicts shown read-only; keys ending in _fen are money; NUMERIC keys align right."""

    NUMERIC: frozenset[str] = frozenset()

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if key in self.NUMERIC or key.endswith("_fen") else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.rows[index.row()][key]
        if key.endswith("_fen"):
            return format_fen(value)
        return "" if value is None else str(value)
