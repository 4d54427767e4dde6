"""Helpers of the store's tests."""

from __future__ import annotations

import sqlite3

__all__ = ["sql_op"]


def sql_op(doel: str, *statements: str) -> None:
    """Run raw SQL behind the store's back (autocommit), on either backend."""
    if doel.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(doel, autocommit=True) as conn:
            for s in statements:
                conn.execute(s)  # type: ignore[arg-type]
        return
    conn = sqlite3.connect(doel, isolation_level=None)
    try:
        for s in statements:
            conn.execute(s)
    finally:
        conn.close()
