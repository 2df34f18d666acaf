import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# property tests check behaviour, not speed: no per-example deadline on a busy CI machine
settings.register_profile("casedesk", deadline=None)
settings.load_profile("casedesk")

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
# Set to a PostgreSQL URL to run the storage, services and CLI tests against a server.
PG_URL = os.environ.get("CASEDESK_TEST_DATABASE_URL", "")


def pytest_collection_modifyitems(config, items):
    if not PG_URL:
        return
    skip = pytest.mark.skip(reason="SQLite-specific (file, PRAGMA, online backup API)")
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own data folder and database."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CASEDESK_DATA_DIR", str(folder))
    monkeypatch.delenv("CASEDESK_DB", raising=False)
    monkeypatch.setenv("CASEDESK_USER", "tester")
    return folder


@pytest.fixture
def database_url():
    """A fresh PostgreSQL database for this test, or None for SQLite."""
    if not PG_URL:
        return None
    _reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def ctx(data_dir, database_url):
    from casedesk.services.context import open_context

    c = open_context(db=data_dir / "test.db", database_url=database_url)
    yield c
    c.close()


def db_args_for(ctx) -> list[str]:
    """Command-line options that open the same database as ctx."""
    if ctx.is_sqlite:
        return ["--db", str(ctx.engine.url.database)]
    return ["--database-url", ctx.engine.url.render_as_string(hide_password=False)]


@pytest.fixture
def db_args(ctx):
    return db_args_for(ctx)


@pytest.fixture
def shared_data():
    if not SHARED.exists():
        pytest.skip("../shared/data is not beside the checkout")
    return SHARED
