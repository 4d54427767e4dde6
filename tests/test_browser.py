"""The built methodiek site in a real browser: headless Chromium (Debian package ``chromium``).

The site is opened from ``file://``, as a trainer would open a copy on a laptop. Chromium is
driven over the Chrome DevTools protocol with a tiny websocket client (standard library only).
Every request the browser makes goes to a local "proxy" that only records it: the test fails
when anything tries to leave the machine, and also when a page loads anything that is not a
local file.

Without ``/usr/bin/chromium`` the tests are skipped locally (install it with
``apt-get install chromium``) but fail under ``CI=true``, where ``.ci/run`` installs it.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import ija_core as ija

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _vereist_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("chromium ontbreekt in CI: .ci/run hoort 'apt-get install chromium' te doen")
    pytest.skip("chromium ontbreekt: installeer het Debian-pakket met 'apt-get install chromium'")


# --- a proxy that records every request and answers none -------------------------------------


class _Verklikker:
    """A TCP listener used as the browser's proxy: records what would have left the machine."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.poort = self.sock.getsockname()[1]
        self.verzoeken: list[str] = []
        self._stop = False
        self._draad = threading.Thread(target=self._luister, daemon=True)
        self._draad.start()

    def _luister(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    eerste = conn.recv(4096).split(b"\r\n", 1)[0].decode("latin-1")
                except OSError:
                    eerste = "(onleesbaar verzoek)"
                self.verzoeken.append(eerste)
                with contextlib.suppress(OSError):
                    conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")

    def sluit(self) -> None:
        self._stop = True
        self.sock.close()
        self._draad.join(timeout=2)


# --- a minimal websocket client for the DevTools protocol ------------------------------------


class _WebSocket:
    def __init__(self, url: str) -> None:
        assert url.startswith("ws://")
        adres, _, pad = url[len("ws://"):].partition("/")
        host, _, poort = adres.partition(":")
        self.sock = socket.create_connection((host, int(poort)), timeout=30)
        sleutel = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            f"GET /{pad} HTTP/1.1\r\nHost: {adres}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {sleutel}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        antwoord = b""
        while b"\r\n\r\n" not in antwoord:
            deel = self.sock.recv(4096)
            if not deel:
                raise ConnectionError("websocket-handdruk mislukt")
            antwoord += deel
        kop, _, self._rest = antwoord.partition(b"\r\n\r\n")
        if b" 101 " not in kop.split(b"\r\n", 1)[0]:
            raise ConnectionError(kop.decode("latin-1"))

    def _lees(self, n: int) -> bytes:
        while len(self._rest) < n:
            deel = self.sock.recv(65536)
            if not deel:
                raise ConnectionError("websocket gesloten")
            self._rest += deel
        data, self._rest = self._rest[:n], self._rest[n:]
        return data

    def stuur(self, tekst: str) -> None:
        data = tekst.encode()
        masker = os.urandom(4)
        kop = bytearray([0x81])
        if len(data) < 126:
            kop.append(0x80 | len(data))
        elif len(data) < 1 << 16:
            kop.append(0x80 | 126)
            kop += struct.pack(">H", len(data))
        else:
            kop.append(0x80 | 127)
            kop += struct.pack(">Q", len(data))
        self.sock.sendall(bytes(kop) + masker + bytes(b ^ masker[i % 4] for i, b in enumerate(data)))

    def ontvang(self) -> str:
        bericht = b""
        while True:
            b0, b1 = self._lees(2)
            lengte = b1 & 0x7F
            if lengte == 126:
                lengte = struct.unpack(">H", self._lees(2))[0]
            elif lengte == 127:
                lengte = struct.unpack(">Q", self._lees(8))[0]
            data = self._lees(lengte)
            opcode = b0 & 0x0F
            if opcode == 0x8:
                raise ConnectionError("websocket gesloten door de browser")
            if opcode in (0x9, 0xA):  # ping/pong: not used by DevTools
                continue
            bericht += data
            if b0 & 0x80:
                return bericht.decode()

    def sluit(self) -> None:
        self.sock.close()


class _Pagina:
    """One browser tab, driven over the DevTools protocol."""

    def __init__(self, ws: _WebSocket) -> None:
        self.ws = ws
        self._ids = itertools.count(1)
        self.verzoeken: list[str] = []
        self.geladen = False

    def _gebeurtenis(self, bericht: dict[str, Any]) -> None:
        methode = bericht.get("method")
        if methode == "Network.requestWillBeSent":
            self.verzoeken.append(bericht["params"]["request"]["url"])
        elif methode == "Page.loadEventFired":
            self.geladen = True

    def roep(self, methode: str, **params: Any) -> dict[str, Any]:
        nummer = next(self._ids)
        self.ws.stuur(json.dumps({"id": nummer, "method": methode, "params": params}))
        while True:
            bericht = json.loads(self.ws.ontvang())
            if bericht.get("id") == nummer:
                if "error" in bericht:
                    raise RuntimeError(f"{methode}: {bericht['error']}")
                resultaat: dict[str, Any] = bericht.get("result", {})
                return resultaat
            self._gebeurtenis(bericht)

    def open(self, url: str, timeout: float = 30) -> None:
        self.geladen = False
        self.roep("Page.navigate", url=url)
        einde = time.monotonic() + timeout
        while not self.geladen:
            if time.monotonic() > einde:
                raise TimeoutError(f"{url} laadt niet binnen {timeout} s")
            self._gebeurtenis(json.loads(self.ws.ontvang()))

    def js(self, expressie: str) -> Any:
        antwoord = self.roep("Runtime.evaluate", expression=expressie, returnByValue=True)
        return antwoord.get("result", {}).get("value")

    def wacht_op(self, expressie: str, timeout: float = 20) -> Any:
        einde = time.monotonic() + timeout
        while time.monotonic() < einde:
            waarde = self.js(expressie)
            if waarde:
                return waarde
            time.sleep(0.2)
        raise TimeoutError(f"na {timeout} s nog steeds niet waar: {expressie}")


def _knopen(knoop: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every node of a DevTools DOM tree, shadow roots (also closed ones) included."""
    yield knoop
    for sleutel in ("children", "shadowRoots"):
        for kind in knoop.get(sleutel, []):
            yield from _knopen(kind)
    if "contentDocument" in knoop:
        yield from _knopen(knoop["contentDocument"])


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the handbook methodiek and the repository's hand-written pages."""
    _vereist_chromium()
    from ija_core.docs import VendorFout, bouw_site

    uit = tmp_path_factory.mktemp("browser") / "site"
    try:
        bouw_site(uit, methodiek=ija.load_methodiek(entrypoints=False))
    except VendorFout as fout:
        if os.environ.get("CI", "").lower() == "true":
            raise
        pytest.skip(f"{fout}")
    return uit


@pytest.fixture(scope="module")
def browser() -> Iterator[tuple[_Pagina, _Verklikker]]:
    """Headless Chromium with every request routed to a recording proxy."""
    _vereist_chromium()
    verklikker = _Verklikker()
    profiel = tempfile.mkdtemp(prefix="ija-chromium-")
    proces = subprocess.Popen(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-default-apps", "--disable-extensions",
            # Chromium's own background traffic (clock, updater, sign-in, field trials):
            "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,"
            "Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater",
            "--disable-client-side-phishing-detection", "--disable-domain-reliability",
            "--disable-breakpad", "--no-pings", "--no-default-browser-check",
            "--disable-component-extensions-with-background-pages",
            "--disable-field-trial-config", "--metrics-recording-only",
            f"--user-data-dir={profiel}", "--remote-debugging-port=0",
            f"--proxy-server=http://127.0.0.1:{verklikker.poort}",
            "--window-size=1280,1000", "about:blank",
        ],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    ws_url = ""
    einde = time.monotonic() + 30
    assert proces.stderr is not None
    while time.monotonic() < einde and not ws_url:
        regel = proces.stderr.readline()
        if "DevTools listening on" in regel:
            ws_url = regel.split("DevTools listening on", 1)[1].strip()
        elif not regel and proces.poll() is not None:
            break
    # Keep reading Chromium's log so a full pipe never blocks it.
    lezer = threading.Thread(target=lambda: [None for _ in proces.stderr or ()], daemon=True)
    lezer.start()
    try:
        assert ws_url, "chromium start niet (geen DevTools-adres)"
        poort = ws_url.split("//", 1)[1].split("/", 1)[0]
        geen_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with geen_proxy.open(f"http://{poort}/json/list", timeout=10) as antwoord:
            tabs = json.load(antwoord)
        tab = next(t for t in tabs if t.get("type") == "page")
        ws = _WebSocket(tab["webSocketDebuggerUrl"])
        pagina = _Pagina(ws)
        pagina.roep("Page.enable")
        pagina.roep("Network.enable")
        yield pagina, verklikker
        ws.sluit()
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait(timeout=10)
        lezer.join(timeout=5)
        proces.stderr.close()
        verklikker.sluit()
        shutil.rmtree(profiel, ignore_errors=True)


# Chromium's own services that it contacts at start-up whatever page is open (component
# updater, Google sign-in, network clock) and that no flag switches off in every version.
# None of them serves web assets, so a page can never load anything from them.
_CHROMIUM_ZELF = ("update.googleapis.com", "accounts.google.com", "clients2.google.com")


def _host(verzoek: str) -> str:
    doel = verzoek.split(" ")[1] if " " in verzoek else verzoek
    doel = doel.split("://", 1)[-1]
    return doel.split("/", 1)[0].split(":", 1)[0]


def _alleen_lokaal(pagina: _Pagina, verklikker: _Verklikker) -> None:
    buiten = [u for u in pagina.verzoeken if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert not buiten, f"de pagina laadde iets van buiten: {buiten}"
    naar_buiten = [v for v in verklikker.verzoeken if _host(v) not in _CHROMIUM_ZELF]
    assert not naar_buiten, f"verzoeken naar buiten de machine: {naar_buiten}"


# --- tests -----------------------------------------------------------------------------------


def test_search_from_file_finds_the_instrument_page(
    site: Path, browser: tuple[_Pagina, _Verklikker]
) -> None:
    """Dutch search works from file:// without a network and finds an instrument by name."""
    pagina, verklikker = browser
    m = ija.load_methodiek(entrypoints=False)
    instrument = m.instrument("bolletjesschema")
    pagina.open((site / "index.html").as_uri() + "?q=" + instrument.naam)
    links = pagina.wacht_op(
        "Array.from(document.querySelectorAll('a.md-search-result__link'))"
        ".map(a => a.getAttribute('href'))"
    )
    doel = (site / "instrumenten" / "bolletjesschema.html").as_uri()
    assert any(link.split("?")[0].split("#")[0] == doel for link in links), links
    _alleen_lokaal(pagina, verklikker)


def test_fase_page_renders_its_mermaid_diagram(
    site: Path, browser: tuple[_Pagina, _Verklikker]
) -> None:
    """The vendored mermaid draws the fase diagram as an SVG, with no outside request."""
    pagina, verklikker = browser
    pagina.open((site / "fasen" / "verdieping.html").as_uri())
    pagina.wacht_op("document.querySelector('div.mermaid') !== null")
    assert pagina.js("typeof mermaid") == "object", "mermaid komt niet uit de lokale kopie"
    boom = pagina.roep("DOM.getDocument", depth=-1, pierce=True)["root"]
    svgs = [k for k in _knopen(boom) if k.get("nodeName", "").lower() == "svg"
            and "flowchart" in " ".join(k.get("attributes", []))]
    assert svgs, "geen mermaid-SVG (flowchart) op de fasepagina"
    tekst = " ".join(k.get("nodeValue", "") for k in _knopen(boom) if k.get("nodeType") == 3)
    assert "Vraagverheldering" in tekst  # the step names are drawn in the diagram
    _alleen_lokaal(pagina, verklikker)


def test_catalogue_filter_narrows_the_table(
    site: Path, browser: tuple[_Pagina, _Verklikker]
) -> None:
    """Choosing a fase in the catalogue hides the instruments that do not fit it."""
    pagina, verklikker = browser
    m = ija.load_methodiek(entrypoints=False)
    pagina.open((site / "instrumenten" / "index.html").as_uri())
    totaal = pagina.wacht_op("document.querySelectorAll('table.ija-catalogus tbody tr').length")
    assert totaal == len(m.instrumenten)
    zichtbaar = pagina.js(
        "(() => { const s = document.querySelector('select[data-filter=fasen]');"
        " s.value = 'vertrouwen'; s.dispatchEvent(new Event('change'));"
        " return document.querySelectorAll('table.ija-catalogus tbody tr:not([hidden])').length"
        " })()"
    )
    assert zichtbaar == len(m.instrumenten_voor(fase="vertrouwen"))
    _alleen_lokaal(pagina, verklikker)


def test_the_check_notices_an_outside_request(
    tmp_path: Path, browser: tuple[_Pagina, _Verklikker]
) -> None:
    """A page that loads a script from a CDN is caught, so the tests above mean something."""
    pagina, verklikker = browser
    proef = tmp_path / "proef.html"
    proef.write_text(
        '<html><body><script src="https://unpkg.com/voorbeeld.js"></script></body></html>',
        encoding="utf-8",
    )
    pagina.open(proef.as_uri())
    with pytest.raises(AssertionError, match="unpkg"):
        _alleen_lokaal(pagina, verklikker)
    pagina.verzoeken.clear()
    verklikker.verzoeken.clear()
