"""Storage: sqlmodel tables, engine and sessions, Alembic migrations."""
