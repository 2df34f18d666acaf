"""User settings, declared once (key, type, default, label), stored as JSON in the data folder."""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import paths


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    label: str


SETTINGS = (
    Setting("organisation", "", "机构名称"),
    Setting("advocate", "", "经办人"),
    Setting("advocate_phone", "", "经办人电话"),
    Setting("advocate_address", "", "经办人地址"),
    Setting("default_recipient", "samr", "默认投诉对象（samr/cca/platform）"),
    Setting("default_commission", "", "默认仲裁委员会"),
    Setting("language", "zh_CN", "界面语言（zh_CN/en）"),
    Setting("backups_keep", 10, "自动备份保留份数"),
    Setting("database_url", "", "团队数据库地址（留空则用本地数据库）"),
)
DEFAULTS = {s.key: s.default for s in SETTINGS}


def settings_file(data_dir: Path | None = None) -> Path:
    return (data_dir or paths.data_dir()) / "settings.json"


def load(data_dir: Path | None = None) -> dict[str, Any]:
    path = settings_file(data_dir)
    values = dict(DEFAULTS)
    if path.exists():
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            values.update(
                {k: v for k, v in stored.items() if k in DEFAULTS and isinstance(v, type(DEFAULTS[k]))}
            )
        except (json.JSONDecodeError, UnicodeDecodeError, OSError):
            pass  # a damaged settings file falls back to defaults; it is rewritten on the next save
    return values


def save(values: dict[str, Any], data_dir: Path | None = None) -> None:
    path = settings_file(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    clean = {k: values.get(k, DEFAULTS[k]) for k in DEFAULTS}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(clean, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
