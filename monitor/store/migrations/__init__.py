"""Alembic migrations of the pledge-monitor schema (applied by ``monitor.store.db``)."""
