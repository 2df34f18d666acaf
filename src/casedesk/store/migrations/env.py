"""Alembic environment: runs on the connection CaseDesk hands over (config.attributes)."""

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from casedesk.store import models  # noqa: F401

config = context.config
target_metadata = SQLModel.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # `alembic` run by hand with -x url=...
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///casedesk.db")
        with create_engine(url).begin() as connection:
            _migrate(connection)
    else:
        _migrate(connection)


def _include(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    # the search index (FTS5 / pg_trgm) is created by hand in 0002, not from the models
    return not (type_ == "table" and str(name).startswith("case_search"))


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=_include,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
