"""Every `ija` command that the README and the hand-written docs pages show actually works.

Each ```sh / ```bash block is read line by line; a line that starts with ``ija`` runs (from
the repository root, so ``examples/`` is found) and must end with exit code 0 and no
traceback (a store named ``trajecten.db`` is made in a temporary folder, with the examples
imported unless the command imports them itself). ``ija docs build`` and ``ija docs serve`` are left to tests/test_docs.py (they
need the vendored scripts and a browser); ``ija plugin nieuw`` runs in a temporary folder.
The install instructions must not send readers to a public index where ija-core is not
published, nor to files outside the repository.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from ija_core.cli import main

ROOT = Path(__file__).resolve().parents[1]
HANDGESCHREVEN = ROOT / "docs"
PAGINAS = [ROOT / "README.md", *sorted(HANDGESCHREVEN.rglob("*.md"))]
SJABLONEN = sorted((ROOT / "src" / "ija_core" / "cli" / "_scaffold" / "sjablonen").glob("*.tmpl"))
BLOK = re.compile(r"```(?:sh|bash|console)\n(.*?)```", re.S)
NIET_HIER = (("docs", "build"), ("docs", "serve"))
OPSLAG = "trajecten.db"
"""A store named like this in a command runs on a temporary copy with the examples in it."""


def _commandos() -> list[tuple[str, list[str]]]:
    gevonden = []
    for pagina in PAGINAS:
        for blok in BLOK.findall(pagina.read_text(encoding="utf-8")):
            for regel in blok.splitlines():
                if not regel.startswith("ija "):
                    continue
                args = shlex.split(regel, comments=True)[1:]
                if tuple(args[:2]) in NIET_HIER:
                    continue
                gevonden.append(
                    (f"{pagina.relative_to(ROOT)}: {regel.split('#')[0].strip()}", args)
                )
    return gevonden


COMMANDOS = _commandos()


def test_the_pages_show_commands() -> None:
    paginas = {naam.split(":")[0] for naam, _ in COMMANDOS}
    assert {
        "README.md",
        "docs/ontwikkelaars/snelstart.md",
        "docs/plugins-schrijven.md",
    } <= paginas
    assert len(COMMANDOS) >= 12


@pytest.mark.parametrize("args", [a for _, a in COMMANDOS], ids=[n for n, _ in COMMANDOS])
def test_every_command_shown_works(
    args: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(ROOT)
    if args[:2] == ["plugin", "nieuw"]:
        args = [*args[:3], "--map", str(tmp_path)]
    if OPSLAG in args:  # the store of the examples, in a temporary folder
        db = str(tmp_path / OPSLAG)
        if args[:2] != ["opslag", "importeer"]:
            assert main(["opslag", "importeer", db, "examples/"]) == 0
            capsys.readouterr()
        args = [db if a == OPSLAG else a for a in args]
    try:
        code = main(args)
    except SystemExit as exc:  # --help
        code = int(exc.code or 0)
    uit = capsys.readouterr()
    assert code == 0, uit.err
    assert "Traceback" not in uit.err
    assert uit.out


@pytest.mark.parametrize(
    "pagina", [*PAGINAS, *SJABLONEN], ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_no_page_sends_readers_to_pypi_or_outside_the_repository(pagina: Path) -> None:
    tekst = pagina.read_text(encoding="utf-8")
    for blok in BLOK.findall(tekst) if pagina.suffix == ".md" else [tekst]:
        assert not re.search(r"pip install '?ija-core", blok), "ija-core staat niet op PyPI"
    assert "pypi.org" not in tekst
    assert "../shared" not in tekst
    assert "design.md" not in tekst


def test_the_readme_keeps_make_demo_and_make_test_first() -> None:
    eerste = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:6]
    assert any(r.startswith("make demo") for r in eerste)
    assert any(r.startswith("make test") for r in eerste)
