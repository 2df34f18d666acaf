"""Where CaseDesk keeps its files. One place, overridable by environment for tests and teams.

CASEDESK_DATA_DIR moves the whole data folder (database, evidence, backups, logs);
CASEDESK_DB (or --db) moves the database file alone.
"""

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "CaseDesk"


def data_dir() -> Path:
    override = os.environ.get("CASEDESK_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    override = os.environ.get("CASEDESK_DB")
    return Path(override) if override else data_dir() / "casedesk.db"


def evidence_dir() -> Path:
    return data_dir() / "evidence"


def backups_dir() -> Path:
    return data_dir() / "backups"


def logs_dir() -> Path:
    return data_dir() / "logs"


def settings_path() -> Path:
    return data_dir() / "settings.json"
