"""The open database and data folder that every service works on."""

import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from .. import paths
from ..store.db import open_engine, sqlite_url


@dataclass
class Context:
    engine: Engine
    data_dir: Path
    user: str = field(default_factory=lambda: os.environ.get("CASEDESK_USER") or _login())

    @property
    def evidence_dir(self) -> Path:
        return self.data_dir / "evidence"

    @property
    def is_sqlite(self) -> bool:
        return self.engine.url.get_backend_name() == "sqlite"

    def close(self) -> None:
        self.engine.dispose()


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "advocate"


def open_context(db: str | os.PathLike[str] | None = None, database_url: str | None = None) -> Context:
    """Open (and migrate) the database: --database-url, else --db / CASEDESK_DB, else a team
    database named by CASEDESK_DATABASE_URL or the settings, else the local default."""
    if not database_url and not db and not os.environ.get("CASEDESK_DB"):
        from .settings import load

        database_url = os.environ.get("CASEDESK_DATABASE_URL") or load()["database_url"] or None
    if database_url:
        url = database_url
    else:
        path = Path(db) if db else paths.default_db_path()
        url = sqlite_url(path.expanduser().resolve())
    return Context(engine=open_engine(url), data_dir=paths.data_dir())
