"""Alembic migrations of the library, from the first table on (run by ``open_library``)."""
