"""One-way imports: ui → services → store/domain; documents → domain; nothing outside ui imports Qt."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "casedesk"
FORBIDDEN = {
    "domain": (
        "casedesk.store",
        "casedesk.services",
        "casedesk.ui",
        "casedesk.documents",
        "PySide6",
        "sqlalchemy",
        "sqlmodel",
    ),
    "store": ("casedesk.services", "casedesk.ui", "casedesk.documents", "PySide6"),
    "documents": ("casedesk.store", "casedesk.services", "casedesk.ui", "PySide6"),
    "services": ("casedesk.ui", "PySide6"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = "casedesk." + ".".join(path.relative_to(SRC).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                found.add(".".join(base + ([node.module] if node.module else [])))
            elif node.module:
                found.add(node.module)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_one_way(layer):
    offences = []
    for path in (SRC / layer).rglob("*.py"):
        for name in _imports(path):
            if name.startswith(FORBIDDEN[layer]):
                offences.append(f"{path.relative_to(SRC)} imports {name}")
    assert offences == []


def test_only_ui_imports_qt():
    for path in SRC.rglob("*.py"):
        if "ui" in path.relative_to(SRC).parts:
            continue
        assert not any(n.startswith("PySide6") for n in _imports(path)), path
