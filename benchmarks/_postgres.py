"""A private PostgreSQL server for a benchmark: started in a temporary folder, Unix socket only.

As root, ``initdb`` and ``pg_ctl`` run through ``runuser -u postgres`` in a folder made with
``tempfile.mkdtemp()`` and handed to the ``postgres`` user (as ``tests/opslag/conftest.py``
does). ``server()`` yields None when the binaries are missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POORT = "54331"


def _pg_bin() -> Path | None:
    basis = Path("/usr/lib/postgresql")
    if basis.is_dir():
        for map_ in sorted(basis.glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True):
            if (map_ / "pg_ctl").exists() and (map_ / "initdb").exists():
                return map_
    gevonden = shutil.which("pg_ctl")
    return Path(gevonden).parent if gevonden and shutil.which("initdb") else None


@contextmanager
def server() -> Iterator[str | None]:
    """The ``postgresql://`` address of a fresh server (default settings: fsync on), or None."""
    pg = _pg_bin()
    if pg is None:
        yield None
        return
    map_ = Path(tempfile.mkdtemp(prefix="ija-bench-pg-"))
    als: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(map_, user="postgres", group="postgres")
        als = ["runuser", "-u", "postgres", "--"]
    data = map_ / "data"
    subprocess.run(  # noqa: S603 - the server binaries found above
        [*als, str(pg / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-N"],
        check=True,
        capture_output=True,
    )
    opties = f"-k {map_} -p {POORT} -c listen_addresses='' -c max_connections=50"
    subprocess.run(  # noqa: S603 - as above
        [
            *als,
            str(pg / "pg_ctl"),
            "-D",
            str(data),
            "-w",
            "-l",
            str(map_ / "log"),
            "-o",
            opties,
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://postgres@/postgres?host={map_}&port={POORT}"
    finally:
        subprocess.run(  # noqa: S603 - as above
            [*als, str(pg / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(map_, ignore_errors=True)
