"""Input that never ends: the CLI reads only regular files, and only up to a limit.

``/dev/zero`` read without end until a ``MemoryError``; a named pipe as the file argument
waited forever for a writer. Every command that reads event files goes through
``ija_core.cli._invoer.lees_invoer``. The special files are tried in a child process with
a time limit and a memory limit, so a regression fails here instead of hanging the run or
eating the machine's memory.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ija_core.cli import main
from ija_core.cli._invoer import (
    OMGEVING,
    STANDAARD_MB,
    OnleesbaarBestand,
    grens,
    lees_invoer,
)

REPO = Path(__file__).resolve().parents[1]
MB = 1024 * 1024

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero: POSIX")


def _beperkt() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1536 * MB, 1536 * MB))


def _ija(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    omgeving = {**os.environ, "IJA_DISABLED_PLUGINS": "", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "ija_core.cli", *argv],
        capture_output=True, text=True, timeout=120, preexec_fn=_beperkt, env=omgeving,
        check=False,
    )


@pytest.fixture
def speciaal(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A path that is no regular file: a device, a named pipe or a socket."""
    soort = request.param
    if soort == "apparaat":
        yield Path("/dev/zero")
        return
    pad = tmp_path / f"{soort}.json"
    if soort == "pijp":
        os.mkfifo(pad)
        yield pad
        return
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(pad))
        yield pad


def _traject(pad: Path) -> Path:
    pad.write_text(json.dumps([{"type": "aangemeld", "op": "2025-01-06T09:00:00+01:00",
                                "traject": pad.stem, "jongere": {"pseudoniem": "J"}}]))
    return pad


def _commando(naam: str, bestand: Path, tmp_path: Path) -> list[str]:
    leeg = tmp_path / "leden"
    leeg.mkdir(exist_ok=True)
    return {
        "traject toets": ["traject", "toets", str(bestand)],
        "groep toets": ["groep", "toets", str(bestand), str(leeg)],
        "groep toets lid": ["groep", "toets", str(REPO / "examples" / "spin-in-het-web-groep.json"),
                            str(bestand)],
        "signalen": ["signalen", str(bestand)],
        "signalen naast een goed bestand": ["signalen", str(_traject(tmp_path / "goed.json")),
                                            str(bestand)],
        "opslag importeer": ["opslag", "importeer", str(tmp_path / "t.db"), str(bestand)],
        "opslag importeer als db": ["opslag", "importeer", str(bestand), str(REPO / "examples")],
    }[naam]


COMMANDOS = ["traject toets", "groep toets", "groep toets lid", "signalen",
             "signalen naast een goed bestand", "opslag importeer", "opslag importeer als db"]


@pytest.mark.slow
@pytest.mark.parametrize("speciaal", ["apparaat", "pijp", "socket"], indirect=True)
@pytest.mark.parametrize("commando", COMMANDOS)
def test_a_special_file_is_refused_in_one_line_with_exit_2(
    speciaal: Path, commando: str, tmp_path: Path
) -> None:
    uitkomst = _ija(*_commando(commando, speciaal, tmp_path))
    assert uitkomst.returncode == 2, uitkomst.stderr[-2000:]
    regels = uitkomst.stderr.strip().splitlines()
    assert len(regels) == 1, uitkomst.stderr[-2000:]
    assert str(speciaal) in regels[0]
    assert "geen gewoon bestand" in regels[0]
    assert uitkomst.stdout == ""
    assert not (tmp_path / "t.db").exists()  # refused before the store was made


def _groot(pad: Path, grootte: int) -> Path:
    with pad.open("wb") as f:
        f.truncate(grootte)  # sparse: no disk used
    return pad


@pytest.mark.parametrize("commando", ["traject toets", "groep toets"])
def test_a_file_over_the_limit_is_refused_in_one_line_with_exit_2(
    commando: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(OMGEVING, "1")
    groot = _groot(tmp_path / "groot.json", MB + 1)
    assert main(_commando(commando, groot, tmp_path)) == 2
    fout = capsys.readouterr().err.strip()
    assert len(fout.splitlines()) == 1, fout
    assert "te groot" in fout
    assert "de grens is 1 MB" in fout
    assert OMGEVING in fout


@pytest.mark.parametrize("commando", ["signalen naast een goed bestand", "opslag importeer"])
def test_among_several_files_one_over_the_limit_is_named_and_skipped(
    commando: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(OMGEVING, "1")
    monkeypatch.setenv("IJA_DISABLED_PLUGINS", "")
    groot = _groot(tmp_path / "groot.json", 3 * MB)
    argv = _commando(commando, groot, tmp_path)
    if commando == "opslag importeer":
        argv.append(str(_traject(tmp_path / "goed.json")))
    assert main(argv) == 1
    fout = capsys.readouterr().err
    (regel,) = [r for r in fout.splitlines() if str(groot) in r]
    assert regel.startswith(f"ija: {groot}: niet te lezen: het bestand is te groot (3.0 MB")


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    pad = tmp_path / "precies.json"
    pad.write_bytes(b"x" * 1000)
    assert lees_invoer(pad, limiet=1000) == b"x" * 1000
    with pytest.raises(OnleesbaarBestand, match="te groot"):
        lees_invoer(pad, limiet=999)


def test_a_file_that_says_it_is_empty_but_is_not_stops_at_the_limit() -> None:
    """Files in /proc report size 0 and yet have content, as a file that grows while it is
    read would: the read itself stops one byte past the limit."""
    pad = Path("/proc/self/status")
    if not pad.is_file() or pad.stat().st_size != 0:
        pytest.skip("needs Linux /proc")
    with pytest.raises(OnleesbaarBestand, match="te groot") as fout:
        lees_invoer(pad, limiet=10)
    assert "(meer;" in fout.value.reden


@pytest.mark.parametrize(
    ("maak", "reden"),
    [("niets", "het bestand bestaat niet"), ("map", "dat is een map")],
)
def test_unreadable_paths_say_why(tmp_path: Path, maak: str, reden: str) -> None:
    pad = tmp_path / "x.json"
    if maak == "map":
        pad.mkdir()
    with pytest.raises(OnleesbaarBestand) as fout:
        lees_invoer(pad)
    assert fout.value.reden == reden
    assert str(fout.value) == f"kan {pad} niet lezen: {reden}"


@pytest.mark.parametrize("waarde", ["0", "-3", "veel", "1.5"])
def test_a_bad_limit_is_said_once_with_exit_2(
    waarde: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(OMGEVING, waarde)
    assert main(["signalen", str(REPO / "examples")]) == 2
    fout = capsys.readouterr().err.strip()
    assert len(fout.splitlines()) == 1, fout
    assert OMGEVING in fout
    assert repr(waarde) in fout


def test_the_limit_is_generous_and_settable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(OMGEVING, raising=False)
    assert grens() == STANDAARD_MB * MB
    grootste = max(p.stat().st_size for p in (REPO / "examples").glob("*.json"))
    assert grens() > 100 * grootste
    monkeypatch.setenv(OMGEVING, "200")
    assert grens() == 200 * MB


def test_the_documented_limit_is_the_real_one() -> None:
    from ija_core.docs import standaard_bron

    teksten = [
        (REPO / "README.md").read_text(encoding="utf-8"),
        (standaard_bron() / "ontwikkelaars" / "snelstart.md").read_text(encoding="utf-8"),
    ]
    for tekst in teksten:
        assert f"{STANDAARD_MB} MB" in tekst
        assert OMGEVING in tekst
