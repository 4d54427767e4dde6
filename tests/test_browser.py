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
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
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
            try:
                waarde = self.js(expressie)
            except RuntimeError as exc:  # the page is navigating: ask again on the next one
                if "navigated or closed" not in str(exc):
                    raise
                waarde = None
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
    from ija_core.docs import bouw_site

    uit = tmp_path_factory.mktemp("browser") / "site"
    bouw_site(uit, methodiek=ija.load_methodiek(entrypoints=False))
    return uit


@pytest.fixture(scope="module")
def vijandige_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ija.Methodiek]:
    """A site built with a plugin whose every text tries to run script (tests/vijandig.py)."""
    _vereist_chromium()
    from ija_core.docs import bouw_site
    from vijandig import VijandigePlugin

    m = ija.load_methodiek(plugins=[VijandigePlugin()], entrypoints=False)
    uit = tmp_path_factory.mktemp("vijandig") / "site"
    bouw_site(uit, methodiek=m)
    return uit, m


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


def _vrije_poort() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        poort: int = sock.getsockname()[1]
        return poort


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """``ija docs serve`` on a free localhost port: builds the site and serves it; stopped after."""
    _vereist_chromium()
    poort = _vrije_poort()
    adres = f"http://127.0.0.1:{poort}/"
    proces = subprocess.Popen(
        [sys.executable, "-m", "ija_core.cli", "docs", "serve", "--poort", str(poort)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    geen_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        einde = time.monotonic() + 120
        while True:
            if proces.poll() is not None:
                assert proces.stderr is not None
                pytest.fail(f"ija docs serve stopte: {proces.stderr.read()}")
            try:
                with geen_proxy.open(adres + "index.html", timeout=5) as antwoord:
                    if antwoord.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > einde:
                pytest.fail("ija docs serve antwoordt niet binnen 120 s")
            time.sleep(0.5)
        yield adres
    finally:
        proces.send_signal(signal.SIGINT)  # like Ctrl-C: the server stops and cleans up
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait(timeout=10)
        if proces.stderr is not None:
            proces.stderr.close()


@pytest.fixture(params=["file", "serve"])
def basis(request: pytest.FixtureRequest, site: Path) -> str:
    """The address of the site: the folder (file://) or ``ija docs serve`` (http://127.0.0.1)."""
    if request.param == "serve":
        adres: str = request.getfixturevalue("server")
        return adres
    return site.as_uri() + "/"


def _server_van(basis: str) -> str:
    return basis if basis.startswith("http") else ""


# Chromium's own services that it contacts at start-up whatever page is open (component
# updater, Google sign-in, network clock) and that no flag switches off in every version.
# None of them serves web assets, so a page can never load anything from them.
_CHROMIUM_ZELF = ("update.googleapis.com", "accounts.google.com", "clients2.google.com")


def _host(verzoek: str) -> str:
    doel = verzoek.split(" ")[1] if " " in verzoek else verzoek
    doel = doel.split("://", 1)[-1]
    return doel.split("/", 1)[0].split(":", 1)[0]


def _alleen_lokaal(pagina: _Pagina, verklikker: _Verklikker, server: str = "") -> None:
    """Nothing left the machine: the page loaded only local files (or from ``server``)."""
    lokaal = ("file:", "data:", "blob:", "about:") + ((server,) if server else ())
    buiten = [u for u in pagina.verzoeken if not u.startswith(lokaal)]
    assert not buiten, f"de pagina laadde iets van buiten: {buiten}"
    naar_buiten = [v for v in verklikker.verzoeken if _host(v) not in _CHROMIUM_ZELF]
    assert not naar_buiten, f"verzoeken naar buiten de machine: {naar_buiten}"
    # Checked: start the next test's log afresh (a file:// test must not see a served page's).
    pagina.verzoeken.clear()
    verklikker.verzoeken.clear()


# --- tests -----------------------------------------------------------------------------------


def test_search_finds_the_instrument_page(
    basis: str, browser: tuple[_Pagina, _Verklikker]
) -> None:
    """Dutch search works without a network (file:// and ija docs serve) and finds an instrument."""
    pagina, verklikker = browser
    m = ija.load_methodiek(entrypoints=False)
    instrument = m.instrument("bolletjesschema")
    pagina.open(basis + "index.html?q=" + urllib.parse.quote(instrument.naam))
    links = pagina.wacht_op(
        "Array.from(document.querySelectorAll('a.md-search-result__link'))"
        ".map(a => a.href)"
    )
    doel = basis + "instrumenten/bolletjesschema.html"
    assert any(link.split("?")[0].split("#")[0] == doel for link in links), links
    _alleen_lokaal(pagina, verklikker, _server_van(basis))


def test_search_for_a_casus_name_finds_its_page(
    basis: str, browser: tuple[_Pagina, _Verklikker]
) -> None:
    """Searching for "Enzo" finds the Casussen page about him (file:// and ija docs serve)."""
    pagina, verklikker = browser
    pagina.open(basis + "index.html?q=Enzo")
    links = pagina.wacht_op(
        "Array.from(document.querySelectorAll('a.md-search-result__link'))"
        ".map(a => a.href)"
    )
    doel = basis + "casussen/enzo.html"
    assert any(link.split("?")[0].split("#")[0] == doel for link in links), links
    _alleen_lokaal(pagina, verklikker, _server_van(basis))


def test_casus_pages_fit_a_phone(site: Path, browser: tuple[_Pagina, _Verklikker]) -> None:
    """At 390 px the casus pages do not scroll sideways, and neither does a timeline: the
    narrow drawing is shown, no wider than its box."""
    pagina, _ = browser
    pagina.roep("Emulation.setDeviceMetricsOverride", width=390, height=800,
                deviceScaleFactor=1, mobile=True)
    try:
        for pad in sorted((site / "casussen").glob("*.html")):
            pagina.open(pad.as_uri())
            breed = pagina.js("document.documentElement.scrollWidth")
            assert breed <= 390, (pad.name, breed)
            kaders = pagina.js(
                "Array.from(document.querySelectorAll('.ija-figuur__kader')).map(k => ["
                " k.scrollWidth, k.clientWidth,"
                " Array.from(k.querySelectorAll('svg')).filter(s => s.getClientRects().length)"
                "   .map(s => s.getAttribute('class'))])")
            if pad.name != "index.html":
                assert kaders, pad.name
            for scroll, client, zichtbaar in kaders:
                assert scroll <= client, (pad.name, scroll, client)
                assert zichtbaar == ["ija-svg ija-svg--smal"], (pad.name, zichtbaar)
    finally:
        pagina.roep("Emulation.clearDeviceMetricsOverride")


_MAAT = """(() => {
  const vw = document.documentElement.clientWidth;
  const fouten = [];
  let teksten_gemeten = 0;
  function snijdt(x1, y1, x2, y2, l, t, r, b) {
    const n = Math.max(2, Math.ceil(Math.hypot(x2 - x1, y2 - y1)));
    for (let i = 0; i <= n; i++) {
      const x = x1 + (x2 - x1) * i / n, y = y1 + (y2 - y1) * i / n;
      if (x > l && x < r && y > t && y < b) return true;
    }
    return false;
  }
  const svgs = Array.from(document.querySelectorAll('svg.ija-svg'))
    .filter(s => s.getClientRects().length);
  for (const s of svgs) {
    const naam = s.getAttribute('aria-labelledby');
    const r = s.getBoundingClientRect();
    const kader = s.closest('.ija-figuur__kader');
    if (r.width > kader.clientWidth + 0.5 || kader.scrollWidth > kader.clientWidth
        || r.right > vw + 0.5) fouten.push(['breder dan zijn vak', naam, r.width, kader.clientWidth]);
    const teksten = Array.from(s.querySelectorAll('text')).filter(t => t.textContent.trim());
    const lijnen = Array.from(s.querySelectorAll('line'));
    for (const t of teksten) {
      teksten_gemeten++;
      const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
      if (px < 11.95) fouten.push(['tekst kleiner dan 12 px', naam, t.textContent, px]);
      const b = t.getBoundingClientRect();
      const halo = !t.closest('a');  // a label with a halo hides the lines drawn before it
      for (const l of lijnen) {
        const erna = t.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING;
        if (halo && !erna) continue;
        const m = l.getScreenCTM();
        const p = (x, y) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
        const [x1, y1] = p(l.x1.baseVal.value, l.y1.baseVal.value);
        const [x2, y2] = p(l.x2.baseVal.value, l.y2.baseVal.value);
        if (snijdt(x1, y1, x2, y2, b.left + 1, b.top + 3, b.right - 1, b.bottom - 3))
          fouten.push(['lijn door een label', naam, t.textContent]);
      }
    }
  }
  return {plaatjes: svgs.length, teksten: teksten_gemeten, fouten: fouten};
})()"""


@pytest.mark.parametrize("breedte", [390, 1400])
def test_every_picture_fits_its_box_with_text_of_12_px_and_no_line_through_a_label(
    site: Path, browser: tuple[_Pagina, _Verklikker], breedte: int
) -> None:
    """Measured in the browser, on every page with a picture: no picture is wider than its box,
    the text as drawn (font size times the picture's scale) is 12 px or more, and no line is
    drawn over a label (a label without a halo, or a line painted after the label)."""
    pagina, _ = browser
    paden = sorted(p for p in site.rglob("*.html") if 'class="ija-figuur' in p.read_text("utf-8"))
    assert len(paden) > 10
    pagina.roep("Emulation.setDeviceMetricsOverride", width=breedte, height=900,
                deviceScaleFactor=1, mobile=breedte < 600)
    fout: list[object] = []
    gemeten = 0
    try:
        for pad in paden:
            pagina.open(pad.as_uri())
            uitkomst = pagina.js(_MAAT)
            gemeten += uitkomst["teksten"]
            assert uitkomst["plaatjes"], pad
            fout += [(pad.relative_to(site).as_posix(), *f) for f in uitkomst["fouten"]]
    finally:
        pagina.roep("Emulation.clearDeviceMetricsOverride")
    assert gemeten > 200
    assert not fout, fout[:20]


_PLAATJES = ("index.html", "overgangen.html", "leefgebieden/index.html",
             "instrumenten/per-fase.html", "fasen/verdieping.html",
             "trainers/handout-uitvoering.html", "trainers/hele-methodiek.html",
             "casussen/enzo.html", "casussen/spin-in-het-web.html")

_ALT = """Array.from(document.querySelectorAll('svg.ija-svg'))
  .filter(s => s.getClientRects().length).map(s => {
  const ids = (s.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
  const r = s.getBoundingClientRect();
  return {role: s.getAttribute('role'), breedte: r.width, hoogte: r.height,
          alt: ids.map(i => (document.getElementById(i) || {}).textContent || '')}; })"""


@pytest.mark.parametrize("pad", _PLAATJES)
def test_pictures_are_inline_svg_with_a_text_alternative_and_need_no_script(
    basis: str, browser: tuple[_Pagina, _Verklikker], pad: str
) -> None:
    """Every picture is an SVG in the page itself, labelled by its <title> and <desc>."""
    pagina, verklikker = browser
    pagina.roep("Emulation.setScriptExecutionDisabled", value=True)
    try:
        pagina.open(basis + pad)
        plaatjes = pagina.js(_ALT)
    finally:
        pagina.roep("Emulation.setScriptExecutionDisabled", value=False)
    assert plaatjes, f"geen SVG-plaatje op {pad}"
    for p in plaatjes:
        assert p["role"] == "img"
        assert len(p["alt"]) == 2, p
        assert all(len(t) > 10 for t in p["alt"]), p
        assert p["breedte"] > 300, p  # drawn, without any script
        assert p["hoogte"] > 100, p
    _alleen_lokaal(pagina, verklikker, _server_van(basis))


def _bestaat(url: str) -> bool:
    url = url.split("#", maxsplit=1)[0]
    if url.startswith("file://"):
        return Path(urllib.parse.unquote(url.removeprefix("file://"))).is_file()
    geen_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with geen_proxy.open(url, timeout=10) as antwoord:
            return bool(antwoord.status == 200)
    except OSError:
        return False


def test_matrix_cells_open_the_instrument_page(
    basis: str, browser: tuple[_Pagina, _Verklikker]
) -> None:
    pagina, verklikker = browser
    pagina.open(basis + "instrumenten/per-fase.html")
    doelen = pagina.js(
        "Array.from(new Set(Array.from(document.querySelectorAll('svg.ija-svg a'))"
        ".map(a => new URL(a.getAttribute('href'), document.baseURI).href.split('#')[0])))"
    )
    assert doelen
    assert all(d.startswith(basis) for d in doelen)
    assert not [d for d in doelen if not _bestaat(d)]
    assert basis + "instrumenten/bolletjesschema.html" in doelen
    _alleen_lokaal(pagina, verklikker, _server_van(basis))


_PLAATSHOUDERS = ("nog aan te vullen", "todo", "(suggestie)", "lorem ipsum", "tbd")
_ELKE_PAGINA = """(() => {
  const svg = Array.from(document.querySelectorAll('svg.ija-svg')).filter(s => {
    const ids = (s.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
    return s.getAttribute('role') !== 'img' || !ids.length ||
      ids.some(i => !((document.getElementById(i) || {}).textContent || '').trim());
  }).length;
  const img = Array.from(document.querySelectorAll('article img'))
    .filter(i => !(i.getAttribute('alt') || '').trim()).length;
  const art = document.querySelector('article');
  return {breed: document.documentElement.scrollWidth, svg: svg, img: img,
          tekst: art ? art.innerText.toLowerCase() : ''};
})()"""


def test_every_page_fits_a_phone_has_text_alternatives_and_no_placeholders(
    site: Path, browser: tuple[_Pagina, _Verklikker]
) -> None:
    """All pages at 390 px: nothing scrolls sideways; every picture has a text alternative;
    no page outside Ontwikkelaars shows placeholder text."""
    pagina, verklikker = browser
    paden = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(paden) > 50
    breedte = 390
    pagina.roep("Emulation.setDeviceMetricsOverride", width=breedte, height=800,
                deviceScaleFactor=1, mobile=True)
    fout: list[str] = []
    try:
        for pad in paden:
            pagina.open((site / pad).as_uri())
            staat = pagina.js(_ELKE_PAGINA)
            if staat["breed"] > breedte:
                fout.append(f"{pad}: {staat['breed']} px breed")
            if staat["svg"] or staat["img"]:
                fout.append(f"{pad}: {staat['svg']} plaatjes en {staat['img']} afbeeldingen "
                            "zonder tekstalternatief")
            if not pad.startswith(("ontwikkelaars/", "plugins-schrijven")):
                fout += [f"{pad}: '{w}'" for w in _PLAATSHOUDERS if w in staat["tekst"]]
    finally:
        pagina.roep("Emulation.clearDeviceMetricsOverride")
    assert not fout
    _alleen_lokaal(pagina, verklikker)


def test_the_404_page_works_from_file(site: Path, browser: tuple[_Pagina, _Verklikker]) -> None:
    """Opened from the folder, the 404 page has the theme's look, working links and search."""
    pagina, verklikker = browser
    pagina.open((site / "404.html").as_uri())
    assert pagina.js("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert pagina.js("document.querySelector('article h1').textContent").startswith(
        "Deze pagina bestaat niet")
    links = pagina.js("Array.from(document.querySelectorAll('article a')).map(a => a.href)")
    assert links
    assert all(_bestaat(u) for u in links), links
    pagina.open((site / "404.html").as_uri() + "?q=bolletjesschema")
    assert pagina.wacht_op("document.querySelectorAll('.md-search-result__item').length")
    _alleen_lokaal(pagina, verklikker)


def _pdf_paginas(pdf: bytes) -> list[tuple[float, float]]:
    """The page sizes of a PDF (points): pdfinfo when poppler-utils is there, else /MediaBox."""
    import re

    if shutil.which("pdfinfo"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(pdf)
            f.flush()
            uit = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", f.name], capture_output=True,
                                 text=True, check=True).stdout
        return [(float(b), float(h)) for b, h in
                re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", uit)]
    return [(float(b), float(h)) for b, h in
            re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)]


def _pdf_tekst(pdf: bytes, pagina: int) -> str | None:
    """The text of one page of a PDF (pdftotext from poppler-utils); None without it."""
    if not shutil.which("pdftotext"):
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(["pdftotext", "-f", str(pagina), "-l", str(pagina), f.name, "-"],
                              capture_output=True, text=True, check=True).stdout


# The smallest font size (CSS px; 12 px is 9 pt) of any visible text in the printed article,
# the pictures' own drawing text left out.
_KLEINSTE_LETTER = """
(() => {
  let kleinste = 1e9, waar = '';
  const loop = document.createTreeWalker(document.querySelector('article'),
                                          NodeFilter.SHOW_TEXT);
  while (loop.nextNode()) {
    const n = loop.currentNode, e = n.parentElement;
    if (!n.textContent.trim() || e.closest('svg') || !e.getClientRects().length) continue;
    const px = parseFloat(getComputedStyle(e).fontSize);
    if (px < kleinste) { kleinste = px; waar = n.textContent.trim().slice(0, 40); }
  }
  return [kleinste, waar];
})()
"""


@pytest.mark.parametrize("fase", ["vertrouwen", "verdieping", "uitvoering", "afronding"])
def test_handouts_print_on_one_a4_sheet_at_9pt_without_navigation(
    site: Path, browser: tuple[_Pagina, _Verklikker], fase: str
) -> None:
    """A handout prints on exactly one A4 sheet (the page's own @page size), no text on it
    smaller than 9 pt, with its stamp (version, date, handbook section) and without header,
    navigation, search or footer, but with the route."""
    pagina, verklikker = browser
    pagina.open((site / "trainers" / f"handout-{fase}.html").as_uri())
    pagina.roep("Emulation.setEmulatedMedia", media="print")
    try:
        zichtbaar = pagina.js(
            "['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-footer', '.md-search',"
            " '.ija-alleen-scherm', '.ija-svg__fase--actief', '.ija-stempel']"
            ".map(k => { const e = document.querySelector(k);"
            " return [k, !!e && e.getClientRects().length > 0]; })"
        )
        kleinste, waar = pagina.js(_KLEINSTE_LETTER)
    finally:
        pagina.roep("Emulation.setEmulatedMedia", media="")
    assert dict(zichtbaar) == {
        ".md-header": False, ".md-tabs": False, ".md-sidebar--primary": False,
        ".md-footer": False, ".md-search": False, ".ija-alleen-scherm": False,
        ".ija-svg__fase--actief": True, ".ija-stempel": True,
    }
    assert kleinste >= 12 - 0.01, f"tekst van {kleinste} px (< 9 pt): {waar!r}"
    pdf = base64.b64decode(pagina.roep("Page.printToPDF", preferCSSPageSize=True,
                                       displayHeaderFooter=False)["data"])
    maten = _pdf_paginas(pdf)
    assert len(maten) == 1, maten
    for b, h in maten:  # A4 is 595.3 x 841.9 points; US Letter would be 612 x 792
        assert abs(b - 595.3) < 2, maten
        assert abs(h - 841.9) < 2, maten
    tekst = _pdf_tekst(pdf, 1)
    if tekst is not None:
        assert "gemaakt op" in tekst, tekst[:300]
        assert "De methodiek" in tekst, tekst[:300]
        assert "Reflectievragen" in tekst  # the last block is on the sheet too
    _alleen_lokaal(pagina, verklikker)


def test_a_handout_printed_by_chromium_itself_is_one_sheet(site: Path, tmp_path: Path) -> None:
    """The same with ``chromium --headless --print-to-pdf``, as a trainer's browser prints."""
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo ontbreekt: installeer poppler-utils")
    pdf = tmp_path / "handout.pdf"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--user-data-dir={tmp_path / 'profiel'}", "--proxy-server=127.0.0.1:9",
         f"--print-to-pdf={pdf}", (site / "trainers" / "handout-uitvoering.html").as_uri()],
        capture_output=True, timeout=120, check=False,
    )
    assert pdf.is_file()
    uit = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", uit, re.M), uit


def test_the_whole_methodiek_prints_each_part_on_a_new_sheet(
    site: Path, browser: tuple[_Pagina, _Verklikker]
) -> None:
    """Each part starts a new sheet, but the first sheet is not half empty: the kernwaarden
    follow the introduction and the route."""
    pagina, verklikker = browser
    pagina.open((site / "trainers" / "hele-methodiek.html").as_uri())
    pdf = base64.b64decode(pagina.roep("Page.printToPDF", preferCSSPageSize=True)["data"])
    maten = _pdf_paginas(pdf)
    m = ija.load_methodiek(entrypoints=False)
    assert len(maten) >= len(m.fasen) + 4  # intro with kernwaarden, principes, fasen, ...
    assert all(abs(b - 595.3) < 2 and abs(h - 841.9) < 2 for b, h in maten)
    eerste = _pdf_tekst(pdf, 1)
    if eerste is not None:
        assert "gemaakt op" in eerste
        assert "Kernwaarden" in eerste
        assert m.kernwaarden[-1].naam in eerste
    _alleen_lokaal(pagina, verklikker)


def test_the_404_page_works_served_at_any_depth(
    server: str, browser: tuple[_Pagina, _Verklikker]
) -> None:
    """``ija docs serve`` shows the 404 page for a missing address deep in the site, with
    the theme's style and script, working links and search."""
    pagina, verklikker = browser
    pagina.open(server + "fasen/diep/dieper/bestaat-niet.html")
    assert pagina.js("document.querySelector('article h1').textContent").startswith(
        "Deze pagina bestaat niet")
    assert pagina.js("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    links = pagina.js("Array.from(document.querySelectorAll('article a')).map(a => a.href)")
    assert links
    assert all(u.startswith(server) for u in links), links
    assert not any("/diep/" in u for u in links), links
    assert all(_bestaat(u) for u in links), links
    pagina.open(server + "a/b/bestaat-niet.html?q=bolletjesschema")
    assert pagina.wacht_op("document.querySelectorAll('.md-search-result__item').length")
    resultaat = pagina.js("document.querySelector('.md-search-result__item a').href")
    assert resultaat.startswith(server + "instrumenten/"), resultaat
    _alleen_lokaal(pagina, verklikker, server)


# --- nothing in the built files asks another host for anything -------------------------------

_NAMESPACES = ("http://www.w3.org/",)
# The theme's bundle and the search language files carry URLs in comments and in code paths
# this site never takes (repository facts from GitHub/GitLab need a repo_url, which it has not).
_CDN = ("unpkg.com", "jsdelivr.net", "cdnjs.cloudflare.com", "fonts.googleapis.com",
        "fonts.gstatic.com", "googletagmanager.com", "google-analytics.com", "esm.sh",
        "polyfill.io", "kroki.io", "use.fontawesome.com")


def _buitenverwijzingen(site: Path) -> list[str]:
    import html.parser
    import re

    url = re.compile(r"https?://[^\s\"'<>)]+", re.IGNORECASE)
    fout: list[str] = []

    class _Lezer(html.parser.HTMLParser):
        def __init__(self, pad: str) -> None:
            super().__init__()
            self.pad, self.in_script = pad, False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.in_script = tag == "script"
            for naam, waarde in attrs:
                if not waarde or (tag == "a" and naam == "href") or naam.startswith("xmlns"):
                    continue  # a link the reader may follow is not a request
                fout.extend(f"{self.pad}: <{tag} {naam}={u}>" for u in url.findall(waarde)
                            if not u.startswith(_NAMESPACES))

        def handle_endtag(self, tag: str) -> None:
            self.in_script = False

        def handle_data(self, data: str) -> None:
            if self.in_script:
                fout.extend(f"{self.pad}: script {u}" for u in url.findall(data))

    for pad in site.rglob("*"):
        rel = pad.relative_to(site).as_posix()
        if pad.suffix == ".html":
            lezer = _Lezer(rel)
            lezer.feed(pad.read_text(encoding="utf-8"))
        elif pad.suffix == ".css":
            tekst = pad.read_text(encoding="utf-8")
            fout += [f"{rel}: {u}" for u in re.findall(
                r"(?:url\(\s*['\"]?|@import\s+['\"]?)(https?:[^'\")\s]+|//[^'\")\s]+)", tekst)]
        elif pad.suffix == ".js":
            tekst = pad.read_text(encoding="utf-8")
            fout += [f"{rel}: {u}" for u in url.findall(tekst) if any(c in u for c in _CDN)]
    return fout


def test_no_built_file_asks_another_host_for_anything(site: Path, tmp_path: Path) -> None:
    assert _buitenverwijzingen(site) == []
    # The check itself notices an outside script, stylesheet, CSS import and CDN fallback.
    for naam, tekst in {
        "a.html": '<script src="https://cdn.example/x.js"></script>',
        "b.html": '<script>fetch("https://api.example/y")</script>',
        "c.css": "@import url(https://fonts.googleapis.com/css);",
        "d.js": 'var u="https://unpkg.com/mermaid";',
    }.items():
        (tmp_path / naam).write_text(tekst, encoding="utf-8")
    (tmp_path / "e.html").write_text('<a href="https://example.org/">ok</a>'
                                     '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
                                     encoding="utf-8")
    assert len(_buitenverwijzingen(tmp_path)) == 4


def test_catalogue_filter_narrows_the_table(
    site: Path, browser: tuple[_Pagina, _Verklikker]
) -> None:
    """Choosing a fase in the catalogue hides the instruments that do not fit it."""
    pagina, verklikker = browser
    m = ija.load_methodiek(entrypoints=False)
    pagina.open((site / "instrumenten" / "index.html").as_uri())
    totaal = pagina.wacht_op("document.querySelectorAll('.ija-catalogus tbody tr').length")
    assert totaal == len(m.instrumenten)
    zichtbaar = pagina.js(
        "(() => { const s = document.querySelector('select[data-filter=fasen]');"
        " s.value = 'vertrouwen'; s.dispatchEvent(new Event('change'));"
        " return document.querySelectorAll('.ija-catalogus tbody tr:not([hidden])').length"
        " })()"
    )
    assert zichtbaar == len(m.instrumenten_voor(fase="vertrouwen"))
    # The names are links that open the instrument page.
    # clicked after this evaluation returns, so the navigation cannot cut the evaluation off
    pagina.js("setTimeout(() => document.querySelector("
              "'.ija-catalogus tbody tr:not([hidden]) td a').click(), 0)")
    pagina.wacht_op("location.pathname.includes('/instrumenten/') && "
                    "!location.pathname.endsWith('/index.html') && "
                    "document.querySelector('article h1') !== null")
    naam = pagina.js("document.querySelector('article h1').textContent").rstrip("¶")
    assert naam in {i.naam for i in m.instrumenten_voor(fase="vertrouwen")}
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
    # On a busy machine the request can be reported after the load event: wait for it (reading
    # the browser's events), so it is not left over for the next test.
    tot = time.monotonic() + 10
    while time.monotonic() < tot and not any(
        "unpkg" in u for u in [*pagina.verzoeken, *verklikker.verzoeken]
    ):
        pagina.js("1")
        time.sleep(0.1)
    with pytest.raises(AssertionError, match="unpkg"):
        _alleen_lokaal(pagina, verklikker)
    pagina.verzoeken.clear()
    verklikker.verzoeken.clear()


# --- a hostile plugin: nothing it gives runs -------------------------------------------------

_GEVAAR = """(() => {
  const gevonden = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.getAttributeNames()) {
      if (a.toLowerCase().startsWith('on')) gevonden.push(el.tagName + ' ' + a);
    }
    const url = (el.getAttribute('href') || el.getAttribute('src') || '').trim().toLowerCase();
    if (url.startsWith('javascript:') || url.startsWith('data:text/html')) gevonden.push(el.tagName + ' ' + url);
  }
  for (const el of document.querySelectorAll('article *, nav *')) {
    el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
  }
  return gevonden;
})()"""


def test_a_hostile_plugin_runs_nothing_and_its_text_shows_as_text(
    vijandige_site: tuple[Path, ija.Methodiek], browser: tuple[_Pagina, _Verklikker]
) -> None:
    """Payloads in names, descriptions, rules, norms, the nav and a docs page stay text."""
    from ija_core.docs._markdown import pad_plugin_pagina
    from vijandig import PLUGIN_NAAM, SCRIPT

    uit, m = vijandige_site
    pagina, verklikker = browser
    ((plugin, docs),) = [(p, d) for p, d in m.docs_paginas if p == PLUGIN_NAAM]
    paden = ["index.html", "aanbieders/boos.html", "aanbieders/index.html",
             "instrumenten/boos/meter.html", "instrumenten/index.html", "normen.html",
             "overgangen.html", "fasen/uitvoering.html", "ontwikkelaars/regels-en-normen.html",
             "instrumenten/per-fase.html",
             pad_plugin_pagina(plugin, docs.pad).replace(".md", ".html")]
    for pad in paden:
        pagina.open((uit / pad).as_uri())
        time.sleep(0.3)  # let anything that was going to run, run
        assert pagina.js("document.querySelector('article') !== null"), pad
        assert pagina.js("window.__ija_xss") is None, pad
        assert pagina.js("document.title") != "gehackt", pad  # the payload would set exactly this
        assert pagina.js(_GEVAAR) == [], pad
        time.sleep(0.1)
        assert pagina.js("window.__ija_xss") is None, pad
    # The text is still there, as text: on the aanbieder page and in the navigation.
    pagina.open((uit / "aanbieders" / "boos.html").as_uri())
    tekst = pagina.js("document.querySelector('article').innerText")
    assert SCRIPT in tekst
    # The tab title reads the name exactly as the plugin wrote it ('</title>', '&amp;' too).
    from ija_core.docs.bouw import SITE_NAAM

    assert pagina.js("document.title") == f"{m.aanbieder('boos').naam} - {SITE_NAAM}"
    assert "{: onmouseover=" in tekst
    nav = pagina.js("document.querySelector('nav.md-nav--primary').innerText")
    assert PLUGIN_NAAM in nav
    # Search shows the hostile text as text too, and runs none of it.
    pagina.open((uit / "index.html").as_uri() + "?q=onerror")
    resultaten = pagina.wacht_op(
        "document.querySelectorAll('.md-search-result__item').length"
    )
    assert resultaten > 0
    time.sleep(0.3)
    assert pagina.js("window.__ija_xss") is None
    _alleen_lokaal(pagina, verklikker)
