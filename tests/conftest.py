import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own data folder and database."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CASEDESK_DATA_DIR", str(folder))
    monkeypatch.delenv("CASEDESK_DB", raising=False)
    monkeypatch.setenv("CASEDESK_USER", "tester")
    return folder


@pytest.fixture
def ctx(data_dir):
    from casedesk.services.context import open_context

    c = open_context(db=data_dir / "test.db", database_url=os.environ.get("CASEDESK_TEST_DATABASE_URL"))
    yield c
    c.close()


@pytest.fixture
def shared_data():
    if not SHARED.exists():
        pytest.skip("../shared/data is not beside the checkout")
    return SHARED
