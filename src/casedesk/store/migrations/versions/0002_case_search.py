"""case search index: FTS5 trigram on SQLite, pg_trgm on PostgreSQL

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # rowid = case id; the trigram tokenizer gives substring search over Chinese text
        op.execute("CREATE VIRTUAL TABLE case_search USING fts5(text, tokenize='trigram')")
    else:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE TABLE case_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        op.execute("CREATE INDEX ix_case_search_trgm ON case_search USING gin (text gin_trgm_ops)")


def downgrade() -> None:
    op.execute("DROP TABLE case_search")
