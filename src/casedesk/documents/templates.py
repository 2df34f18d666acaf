"""Document wording lives in TOML templates (resources/templates). A user's edited copy in the data
folder's templates/ folder takes precedence; every generated document records which template and
version it came from."""

import shutil
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from string import Template as _Sub
from typing import Any


class TemplateError(ValueError):
    pass


@dataclass
class DocTemplate:
    name: str
    title: str
    version: str
    source: str  # "内置" or the user file's path
    text: dict[str, Any]
    recipients: dict[str, str]

    def fill(self, key: str, **values: object) -> str:
        raw = self.text.get(key)
        if raw is None:
            raise TemplateError(f"模板 {self.name} 缺少文字项「{key}」")
        return _Sub(str(raw)).safe_substitute({k: str(v) for k, v in values.items()})

    def lines(self, key: str) -> list[str]:
        value = self.text.get(key, [])
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    @property
    def label(self) -> str:
        return f"{self.name} v{self.version}（{self.source}）"


def builtin_dir() -> Path:
    return Path(str(files("casedesk.resources").joinpath("templates")))


def available() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.toml"))


def load(name: str, user_dir: Path | None = None) -> DocTemplate:
    user = user_dir / f"{name}.toml" if user_dir else None
    path = user if user and user.exists() else builtin_dir() / f"{name}.toml"
    if not path.exists():
        raise TemplateError(f"没有名为 {name} 的文书模板")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateError(f"模板文件 {path} 格式错误：{exc}") from None
    meta = data.get("meta", {})
    return DocTemplate(
        name=str(meta.get("name", name)),
        title=str(meta.get("title", name)),
        version=str(meta.get("version", "0")),
        source="内置" if path.parent == builtin_dir() else str(path),
        text=data.get("text", {}),
        recipients=data.get("recipients", {}),
    )


def copy_for_editing(name: str, user_dir: Path) -> Path:
    """Copy a built-in template into the user's folder (once) and return the copy's path."""
    source = builtin_dir() / f"{name}.toml"
    if not source.exists():
        raise TemplateError(f"没有名为 {name} 的文书模板")
    user_dir.mkdir(parents=True, exist_ok=True)
    target = user_dir / source.name
    if not target.exists():
        shutil.copyfile(source, target)
    return target
