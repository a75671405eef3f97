"""Alembic migrations of the workspace schema; run through ``jlpanel.storage.workspace``."""
