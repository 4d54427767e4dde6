"""The layers of design.md, checked on the import statements of every module (AST, no imports run).

definitions <- assembly <- engine <- adapters: a module imports only its own layer and the
layers below it. Core code never imports an aanbieder plugin; a plugin imports only the public
API (``ija_core`` and the documented ``ija_core.testing``). Imports inside functions count
(a lazy import is still a dependency); imports under ``if TYPE_CHECKING:`` do not (they exist
only for the type checker). Every module must be placed in ``LAGEN``: a new module fails this
test until someone decides where it belongs.

Inside the engine there is one order too (``ENGINE_LAGEN``), bottom to top: events <- codec <-
fold <- ``Traject``/``Groep`` <- norm evaluation <- JSON facade. The event records themselves
(``traject.events``, ``groep.events``: plain attrs data, the registration of each event type)
sit below the engine, with the definitions, which read what a norm may name from them.
Importing a submodule runs the ``__init__`` of its packages first; that counts too. And nowhere in ``ija_core`` may
modules import each other in a circle (``test_no_import_circles``), lazy imports included.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

DEFINITIES, ASSEMBLAGE, ENGINE, ADAPTERS = 0, 1, 2, 3
NAMEN = {DEFINITIES: "definities", ASSEMBLAGE: "assemblage", ENGINE: "engine", ADAPTERS: "adapter"}

LAGEN: dict[str, int] = {
    # definitions: the method as data, and the small helpers they share
    "ija_core._event_types": DEFINITIES,
    # the event records: the JSON format's vocabulary as plain data (attrs only, no engine);
    # the engine starts at them, and the definitions may read them (what a norm can name)
    "ija_core.traject.events": DEFINITIES,
    "ija_core.groep.events": DEFINITIES,
    "ija_core._instant": DEFINITIES,  # the one Amsterdam-day function (stdlib only)
    "ija_core._lui": DEFINITIES,  # loading a package's names on first use (stdlib only)
    "ija_core._lookup": DEFINITIES,
    "ija_core._validators": DEFINITIES,
    "ija_core.aanbieders": DEFINITIES,
    "ija_core.aanpak": DEFINITIES,
    "ija_core.bron": DEFINITIES,
    "ija_core.docspagina": DEFINITIES,
    "ija_core.doelgroep": DEFINITIES,
    "ija_core.errors": DEFINITIES,
    "ija_core.kernwaarden": DEFINITIES,
    "ija_core.leefgebieden": DEFINITIES,
    "ija_core.netwerk": DEFINITIES,
    "ija_core.rollen": DEFINITIES,
    "ija_core.themas": DEFINITIES,
    "ija_core.phases": DEFINITIES,
    "ija_core.phases.handbook": DEFINITIES,
    "ija_core.phases.model": DEFINITIES,
    "ija_core.phases.regels": DEFINITIES,
    "ija_core.phases.rules": DEFINITIES,
    "ija_core.phases.uitstroom": DEFINITIES,
    "ija_core.tools": DEFINITIES,
    "ija_core.tools.catalogue": DEFINITIES,
    "ija_core.tools.model": DEFINITIES,
    "ija_core.tools.results": DEFINITIES,
    "ija_core.tools.zrm": DEFINITIES,
    "ija_core.normen": DEFINITIES,  # the package re-exports the norm definitions only
    "ija_core.normen.model": DEFINITIES,
    "ija_core.normen.handbook": DEFINITIES,
    # assembly: plugins -> one Methodiek
    "ija_core._handboekplugin": ASSEMBLAGE,
    "ija_core.hookspecs": ASSEMBLAGE,
    "ija_core.methodiek": ASSEMBLAGE,
    "ija_core.plugins": ASSEMBLAGE,
    # engine: events -> traject, norm evaluation, JSON
    "ija_core": ENGINE,  # the public facade: everything but the adapters
    "ija_core._per_methodiek": ENGINE,
    "ija_core.serialization": ENGINE,
    "ija_core.traject": ENGINE,
    "ija_core.traject._compiled_rules": ENGINE,
    "ija_core.traject.json": ENGINE,
    "ija_core.traject.state": ENGINE,
    "ija_core.traject.traject": ENGINE,
    "ija_core.traject._fold": ENGINE,
    "ija_core.normen._texts": ENGINE,
    "ija_core.normen._evaluation": ENGINE,
    "ija_core._codec": ENGINE,
    "ija_core._codec._codec": ENGINE,
    "ija_core._codec._hooks": ENGINE,
    "ija_core._codec._reader": ENGINE,
    "ija_core._codec._strict": ENGINE,
    "ija_core._codec._schema": ENGINE,
    "ija_core.normen._measure": ENGINE,
    "ija_core.normen._timeline": ENGINE,
    "ija_core.normen._group": ENGINE,  # groepstoets: above the group and the norm evaluation
    "ija_core.groep": ENGINE,
    "ija_core.groep.groep": ENGINE,
    "ija_core.groep.json": ENGINE,
    # adapters: what people and other programs touch
    "ija_core.cli._scaffold": ADAPTERS,  # `ija plugin nieuw`: the plugin template
    "ija_core.testing": ADAPTERS,  # the kit for plugin authors (assembles and round-trips)
    "ija_core.cli": ADAPTERS,
    "ija_core.cli.__main__": ADAPTERS,
    "ija_core.cli._basis": ADAPTERS,
    "ija_core.cli._fouten": ADAPTERS,
    "ija_core.cli._invoer": ADAPTERS,
    "ija_core.cli.catalogus": ADAPTERS,
    "ija_core.cli.definities": ADAPTERS,
    "ija_core.cli.docs": ADAPTERS,
    "ija_core.cli.groep": ADAPTERS,
    "ija_core.cli.opslag": ADAPTERS,
    "ija_core.cli.plugin": ADAPTERS,
    "ija_core.cli.signalen": ADAPTERS,
    "ija_core.cli.traject": ADAPTERS,
    "ija_core.opslag": ADAPTERS,  # the event store; the core never imports it
    "ija_core.opslag._backend": ADAPTERS,
    "ija_core.opslag._geheim": ADAPTERS,
    "ija_core.opslag._keten": ADAPTERS,
    "ija_core.opslag._opslag": ADAPTERS,
    "ija_core.opslag._postgres": ADAPTERS,
    "ija_core.opslag._sqlite": ADAPTERS,
    "ija_core.docs": ADAPTERS,
    "ija_core.docs._aanpak_pagina": ADAPTERS,
    "ija_core.docs._casus_paginas": ADAPTERS,
    "ija_core.docs._groep_casus": ADAPTERS,
    "ija_core.docs._catalogus_paginas": ADAPTERS,
    "ija_core.docs._diagrams": ADAPTERS,
    "ija_core.docs._glossary": ADAPTERS,
    "ija_core.docs._groep_pagina": ADAPTERS,
    "ija_core.docs._markdown": ADAPTERS,
    "ija_core.docs._methodiek_paginas": ADAPTERS,
    "ija_core.docs._mkdocs_hooks": ADAPTERS,
    "ija_core.docs._ontwikkelaars_paginas": ADAPTERS,
    "ija_core.docs._regels": ADAPTERS,
    "ija_core.docs._sanitize": ADAPTERS,
    "ija_core.docs._netwerk_pagina": ADAPTERS,
    "ija_core.docs._trainers_paginas": ADAPTERS,
    "ija_core.docs._lesplan": ADAPTERS,
    "ija_core.docs._werkwijze": ADAPTERS,
    "ija_core.docs.bouw": ADAPTERS,
    "ija_core.docs.paginas": ADAPTERS,
}
"""Every module of ``ija_core`` and its layer (design.md, "Layers")."""

BASIS, EVENTS, CODEC, FOLD, TRAJECT, NORMEN, FACADE = range(7)
ENGINE_NAMEN = {
    BASIS: "basis",
    EVENTS: "events",
    CODEC: "codec",
    FOLD: "fold",
    TRAJECT: "Traject/Groep",
    NORMEN: "normevaluatie",
    FACADE: "JSON-facade",
}

ENGINE_LAGEN: dict[str, int] = {
    # basis: the engine's own small helpers, importing nothing of the engine
    "ija_core._per_methodiek": BASIS,  # compiled state kept beside a Methodiek
    # events: the state records the events fold into (the event records themselves are
    # definitions, below the whole engine: ija_core.traject.events, ija_core.groep.events)
    "ija_core.traject.state": EVENTS,
    # codec: JSON <-> event records, strict
    "ija_core._codec": CODEC,
    "ija_core._codec._codec": CODEC,
    "ija_core._codec._hooks": CODEC,
    "ija_core._codec._reader": CODEC,
    "ija_core._codec._strict": CODEC,
    "ija_core._codec._schema": CODEC,  # the JSON Schema of one event, from the same records
    # fold: the rules in checking order and the builder that applies events
    "ija_core.traject._compiled_rules": FOLD,
    "ija_core.traject._fold": FOLD,
    # the values: Traject and Groep
    "ija_core.traject": TRAJECT,
    "ija_core.traject.traject": TRAJECT,
    "ija_core.groep": TRAJECT,
    "ija_core.groep.groep": TRAJECT,
    # norm evaluation: knows the trajecten; they do not know it
    "ija_core.normen._texts": NORMEN,
    "ija_core.normen._timeline": NORMEN,
    "ija_core.normen._measure": NORMEN,
    "ija_core.normen._evaluation": NORMEN,
    "ija_core.normen._group": NORMEN,
    # the JSON facade and the public API on top
    "ija_core.traject.json": FACADE,
    "ija_core.groep.json": FACADE,
    "ija_core.serialization": FACADE,
    "ija_core": FACADE,
}
"""Every engine module and its sub-layer: it imports only its own sub-layer and those below."""

BEKENDE_KRINGEN: set[frozenset[str]] = set()
"""Import circles that exist today and are scheduled to go, each with the task that removes it."""

PLUGIN_API = {"ija_core", "ija_core.testing"}
"""What a plugin may import of ija_core: the public API."""


def _modulenaam(pad: Path, wortel: Path) -> str:
    delen = list(pad.relative_to(wortel).with_suffix("").parts)
    if delen[-1] == "__init__":
        delen.pop()
    return ".".join(delen)


def _modules(wortel: Path) -> dict[str, Path]:
    return {_modulenaam(p, wortel): p for p in sorted(wortel.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _geimporteerd(knoop: ast.AST, pakket: str, bekend: set[str]) -> list[tuple[int, str]]:
    """(line, module) for one import statement (relative ones resolved against ``pakket``;
    ``from a import b`` names ``a.b`` when that is a module), else []."""
    if isinstance(knoop, ast.Import):
        return [(knoop.lineno, a.name) for a in knoop.names]
    if not isinstance(knoop, ast.ImportFrom):
        return []
    if knoop.level:
        basis = pakket.split(".")
        basis = basis[: len(basis) - (knoop.level - 1)]
        naam = ".".join([*basis, knoop.module] if knoop.module else basis)
    else:
        naam = knoop.module or ""
    uit = []
    for alias in knoop.names:
        sub = f"{naam}.{alias.name}"
        uit.append((knoop.lineno, sub if sub in bekend else naam))
    return uit


def _imports(
    pad: Path, module: str, bekend: set[str], *, alleen_direct: bool = False
) -> list[tuple[int, str]]:
    """(line, imported module) for every import that runs (not under ``TYPE_CHECKING``).

    ``alleen_direct``: only the imports that run when the module is loaded, not those inside
    functions (what a package ``__init__`` runs before any of its submodules).
    """
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    pakket = module if pad.name == "__init__.py" else module.rpartition(".")[0]
    gevonden: list[tuple[int, str]] = []

    def bezoek(knoop: ast.AST) -> None:
        if isinstance(knoop, ast.If) and _is_type_checking(knoop.test):
            for kind in knoop.orelse:
                bezoek(kind)
            return
        if alleen_direct and isinstance(
            knoop, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
        ):
            return
        gevonden.extend(_geimporteerd(knoop, pakket, bekend))
        for kind in ast.iter_child_nodes(knoop):
            bezoek(kind)

    bezoek(boom)
    return gevonden


def _laag_van(naam: str) -> int | None:
    """The layer of an imported ``ija_core`` module (a parent package when not listed)."""
    while naam:
        if naam in LAGEN:
            return LAGEN[naam]
        naam = naam.rpartition(".")[0]
    return None


KERN = _modules(SRC)

INIT = " [__init__]"
"""Suffix of the node for what a package ``__init__`` runs when one of its submodules is imported."""


def _bekende(naam: str, bekend: set[str]) -> str:
    """The module ``naam`` names, or its nearest listed parent ("" outside the map)."""
    while naam and naam not in bekend:
        naam = naam.rpartition(".")[0]
    return naam


def _pakketten_onderweg(naam: str, importeur: str, bekend: set[str]) -> list[str]:
    """The packages whose ``__init__`` Python runs to import ``naam`` from ``importeur``.

    Importing ``a.b.c`` first runs ``a/__init__`` and ``a/b/__init__``, except those of the
    packages that hold the importer itself (they are running or ran already).
    """
    delen = naam.split(".")
    pakketten = (".".join(delen[:i]) for i in range(1, len(delen)))
    return [
        p
        for p in pakketten
        if p in bekend and importeur != p and not importeur.startswith(p + ".")
    ]


def _uitgevoerd_onderweg(naam: str, importeur: str, modules: dict[str, Path]) -> set[str]:
    """The modules the package ``__init__``s on the way to ``naam`` import when they run."""
    bekend = set(modules)
    uit: set[str] = set()
    for pakket in _pakketten_onderweg(naam, importeur, bekend):
        for _, direct in _imports(modules[pakket], pakket, bekend, alleen_direct=True):
            if doel := _bekende(direct, bekend):
                uit.add(doel)
                uit |= _uitgevoerd_onderweg(doel, pakket, modules)
    return uit


def test_the_map_names_only_modules_that_exist() -> None:
    """A module that is renamed or removed leaves the map too (no stale layers)."""
    assert not sorted(set(LAGEN) - set(KERN)), "modules in LAGEN die niet (meer) bestaan"


def test_every_module_has_a_layer() -> None:
    """A new module fails here until it is placed in ``LAGEN`` (and so in the layering)."""
    zonder = sorted(set(KERN) - set(LAGEN))
    assert not zonder, f"plaats deze modules in LAGEN (tests/test_lagen.py): {zonder}"


@pytest.mark.parametrize("module", sorted(KERN))
def test_imports_follow_the_layers(module: str) -> None:
    eigen = LAGEN.get(module)
    if eigen is None:
        pytest.fail(f"{module} heeft geen laag in LAGEN")
    fouten = []
    for regel, naam in _imports(KERN[module], module, set(KERN)):
        fouten.extend(
            f"regel {regel}: {naam} laat {pakket} uitvoeren ({NAMEN[laag]})"
            for pakket in sorted(_uitgevoerd_onderweg(naam, module, KERN))
            if (laag := _laag_van(pakket)) is not None and laag > eigen
        )
        top = naam.split(".")[0]
        if top.startswith("ija_") and top != "ija_core":
            fouten.append(f"regel {regel}: de kern importeert plugin {naam}")
            continue
        if top != "ija_core":
            continue
        laag = _laag_van(naam)
        if laag is not None and laag > eigen:
            fouten.append(
                f"regel {regel}: {NAMEN[eigen]} importeert {naam} ({NAMEN[laag]})"
            )
    assert not fouten, f"{module}: " + "; ".join(fouten)


def test_every_engine_module_has_a_sub_layer() -> None:
    engine = {m for m, laag in LAGEN.items() if laag == ENGINE}
    assert engine == set(ENGINE_LAGEN), (
        "plaats deze engine-modules in ENGINE_LAGEN (tests/test_lagen.py): "
        f"{sorted(engine ^ set(ENGINE_LAGEN))}"
    )


def _engine_laag_van(naam: str) -> int | None:
    while naam:
        if naam in ENGINE_LAGEN:
            return ENGINE_LAGEN[naam]
        naam = naam.rpartition(".")[0]
    return None


@pytest.mark.parametrize("module", sorted(ENGINE_LAGEN))
def test_the_engine_imports_only_downward(module: str) -> None:
    """events <- codec <- fold <- Traject/Groep <- norm evaluation <- JSON facade."""
    eigen = ENGINE_LAGEN[module]
    fouten = []
    for regel, naam in _imports(KERN[module], module, set(KERN)):
        # what Python runs for this import: the module and the package __init__s on the way
        for doel in sorted({naam} | _uitgevoerd_onderweg(naam, module, KERN)):
            laag = _engine_laag_van(doel)
            if laag is not None and laag > eigen and _laag_van(doel) == ENGINE:
                via = "" if doel == naam else f" via {naam}"
                fouten.append(
                    f"regel {regel}: {ENGINE_NAMEN[eigen]} laat {doel} uitvoeren{via} "
                    f"({ENGINE_NAMEN[laag]})"
                )
    assert not fouten, f"{module}: " + "; ".join(dict.fromkeys(fouten))


def _graaf(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Who imports whom among ``modules``, as Python runs it.

    An import of a name in a module counts for the module. Importing a submodule also runs
    the ``__init__`` of each package above it (not those holding the importer): that is the
    node ``<package> [__init__]``, whose arrows are the imports the ``__init__`` runs when it
    is loaded (not those inside its functions, such as a lazy ``__getattr__``). Taking a name
    from a package (``from ija_core.traject import Traject``) counts all its imports.
    """
    bekend = set(modules)

    def pijlen(module: str, pad: Path, alleen_direct: bool) -> set[str]:
        doelen: set[str] = set()
        for _, geimporteerd in _imports(pad, module, bekend, alleen_direct=alleen_direct):
            naam = _bekende(geimporteerd, bekend)
            if naam and naam != module:
                doelen.add(naam)
            doelen.update(p + INIT for p in _pakketten_onderweg(naam, module, bekend))
        return doelen

    graaf: dict[str, set[str]] = {}
    for module, pad in modules.items():
        graaf[module] = pijlen(module, pad, False)
        if pad.name == "__init__.py":
            graaf[module + INIT] = pijlen(module, pad, True)
    return graaf


def _kringen(graaf: dict[str, set[str]]) -> list[frozenset[str]]:
    """The import circles: strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    laag: dict[str, int] = {}
    stapel: list[str] = []
    op_stapel: set[str] = set()
    kringen: list[frozenset[str]] = []

    def bezoek(v: str) -> None:
        index[v] = laag[v] = len(index)
        stapel.append(v)
        op_stapel.add(v)
        for w in sorted(graaf[v]):
            if w not in index:
                bezoek(w)
                laag[v] = min(laag[v], laag[w])
            elif w in op_stapel:
                laag[v] = min(laag[v], index[w])
        if laag[v] == index[v]:
            deel = set()
            while True:
                w = stapel.pop()
                op_stapel.discard(w)
                deel.add(w)
                if w == v:
                    break
            if len(deel) > 1:
                kringen.append(frozenset(deel))

    for v in sorted(graaf):
        if v not in index:
            bezoek(v)
    return kringen


def test_no_import_circles() -> None:
    """No two modules of ``ija_core`` need each other, also not through a lazy import.

    ``from package import submodule`` counts as an import of the submodule (that is what the
    statement needs), and so does the package ``__init__`` that Python runs before it (see
    ``_graaf``). ``traject/`` and ``groep/`` hold modules of several engine sub-layers; their
    ``__init__`` loads its members on first use (a module ``__getattr__``), so importing
    ``ija_core.traject.events`` does not run ``Traject``.
    """
    kringen = _kringen(_graaf(KERN))
    nieuw = [sorted(k) for k in kringen if k not in BEKENDE_KRINGEN]
    assert not nieuw, f"importkringen in ija_core: {nieuw}"
    verdwenen = [sorted(k) for k in BEKENDE_KRINGEN if k not in kringen]
    assert not verdwenen, f"haal deze opgeloste kringen uit BEKENDE_KRINGEN: {verdwenen}"


def test_the_checker_sees_a_circle(tmp_path: Path) -> None:
    """A lazy import that closes a circle is found (a -> b at the top, b -> a in a function)."""
    pakket = tmp_path / "ija_core"
    pakket.mkdir()
    (pakket / "__init__.py").write_text("", encoding="utf-8")
    (pakket / "a.py").write_text("from ija_core.b import x\n", encoding="utf-8")
    (pakket / "b.py").write_text(
        "x = 1\ndef f():\n    from ija_core import a\n    return a\n", encoding="utf-8"
    )
    (pakket / "c.py").write_text("import ija_core.a\n", encoding="utf-8")
    assert _kringen(_graaf(_modules(tmp_path))) == [frozenset({"ija_core.a", "ija_core.b"})]


PLUGINS = {
    naam: pad
    for src in sorted((ROOT / "plugins").glob("*/src"))
    for naam, pad in _modules(src).items()
}


@pytest.mark.parametrize("module", sorted(PLUGINS))
def test_plugins_import_only_the_public_api(module: str) -> None:
    bekend = set(KERN) | set(PLUGINS)
    verboden = [
        f"regel {regel}: {naam}"
        for regel, naam in _imports(PLUGINS[module], module, bekend)
        if naam.split(".")[0] == "ija_core" and naam not in PLUGIN_API
    ]
    assert not verboden, f"{module} gebruikt meer dan de publieke API: {verboden}"


ADAPTER_PAKKETTEN = ("ija_core.cli", "ija_core.docs", "ija_core.opslag")
"""The adapters: each imports of ija_core only the public API, its own modules and public
(documented) sub-modules of the others, never a private module of another package."""

PRIVAAT_TOEGESTAAN: dict[str, str] = {}
"""Adapter packages that still reach into private modules, each with who removes it."""


def _privaat(naam: str) -> bool:
    """Whether a module path passes through a private part (``ija_core._x``, ``a.b._x``)."""
    return any(deel.startswith("_") and not deel.startswith("__") for deel in naam.split("."))


def _eigen(naam: str, pakket: str) -> bool:
    return naam == pakket or naam.startswith(pakket + ".")


@pytest.mark.parametrize("pakket", ADAPTER_PAKKETTEN)
def test_adapters_import_no_private_module_of_another_package(pakket: str) -> None:
    """The CLI, the site and the store stand on what a plugin or an embedding app may use: an
    import of ``ija_core._x`` or ``ija_core.pkg._x`` outside the adapter's own package fails
    (lazy imports included; ``TYPE_CHECKING`` imports too, since they name the API as well)."""
    fouten = []
    for module, pad in KERN.items():
        if not _eigen(module, pakket):
            continue
        for regel, naam in _alle_imports(pad, module, set(KERN)):
            if naam.split(".")[0] == "ija_core" and _privaat(naam) and not _eigen(naam, pakket):
                fouten.append(f"{module} regel {regel}: {naam}")
    if pakket in PRIVAAT_TOEGESTAAN:
        assert fouten, f"haal {pakket} uit PRIVAAT_TOEGESTAAN: het gebruikt geen private modules meer"
        pytest.xfail(PRIVAAT_TOEGESTAAN[pakket])
    assert not fouten, f"{pakket} gebruikt private modules van de kern: {fouten}"


def _alle_imports(pad: Path, module: str, bekend: set[str]) -> list[tuple[int, str]]:
    """Every import of a module, also those under ``if TYPE_CHECKING:``."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    pakket = module if pad.name == "__init__.py" else module.rpartition(".")[0]
    gevonden: list[tuple[int, str]] = []
    for knoop in ast.walk(boom):
        gevonden.extend(_geimporteerd(knoop, pakket, bekend))
    return gevonden


def test_the_adapter_check_sees_a_private_import(tmp_path: Path) -> None:
    """The check itself can fail: a lazy and a type-only import of private modules are found;
    the adapter's own private modules are allowed."""
    pad = tmp_path / "ija_core" / "cli" / "nieuw.py"
    pad.parent.mkdir(parents=True)
    pad.write_text(
        "from typing import TYPE_CHECKING\n"
        "from ija_core.cli._basis import laad\n"
        "if TYPE_CHECKING:\n"
        "    from ija_core.normen._evaluation import Normuitkomst\n"
        "def f():\n"
        "    from ija_core._codec import laad_json\n",
        encoding="utf-8",
    )
    gevonden = [
        naam
        for _, naam in _alle_imports(pad, "ija_core.cli.nieuw", set(KERN))
        if _privaat(naam) and not _eigen(naam, "ija_core.cli")
    ]
    assert gevonden == ["ija_core.normen._evaluation", "ija_core._codec"]


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """The checker itself can fail: an engine import in a definition module is found."""
    pad = tmp_path / "ija_core" / "phases" / "nieuw.py"
    pad.parent.mkdir(parents=True)
    pad.write_text(
        "from typing import TYPE_CHECKING\n"
        "from ija_core.traject import Traject\n"
        "if TYPE_CHECKING:\n"
        "    from ija_core.cli import main\n"
        "def f():\n"
        "    from . import rules\n"
        "    import ija_exodus\n",
        encoding="utf-8",
    )
    gevonden = _imports(pad, "ija_core.phases.nieuw", set(KERN))
    assert (2, "ija_core.traject") in gevonden
    assert (6, "ija_core.phases.rules") in gevonden
    assert (7, "ija_exodus") in gevonden
    assert all(naam != "ija_core.cli" for _, naam in gevonden)
    assert _laag_van("ija_core.traject.traject") == ENGINE


@pytest.mark.parametrize("pakket", ["ija_core.traject", "ija_core.groep"])
def test_a_lazy_package_names_its_members_once(pakket: str) -> None:
    """The ``TYPE_CHECKING`` imports (for type checkers) name exactly the members in ``_LEDEN``."""
    import importlib

    module = importlib.import_module(pakket)
    boom = ast.parse(KERN[pakket].read_text(encoding="utf-8"))
    voor_typen = {
        (knoop.module, alias.name)
        for blok in boom.body
        if isinstance(blok, ast.If) and _is_type_checking(blok.test)
        for knoop in blok.body
        if isinstance(knoop, ast.ImportFrom)
        for alias in knoop.names
        if not (alias.asname or alias.name).startswith("_")  # a helper of a deprecated alias
    }
    leden = {(m, naam) for m, namen in module._LEDEN.items() for naam in namen}
    assert voor_typen == leden
    assert sorted(module.__all__) == sorted(naam for _, naam in leden)
    for _, naam in sorted(leden):
        assert getattr(module, naam) is getattr(importlib.import_module(_), naam)
    # a submodule is an attribute too, as when the package imported it; nothing else is
    assert module.json is importlib.import_module(f"{pakket}.json")
    with pytest.raises(AttributeError, match="bestaatniet"):
        _ = module.bestaatniet


@pytest.mark.parametrize(
    ("module", "niet"),
    [
        ("ija_core.traject.events", "ija_core.traject.traject"),
        ("ija_core.traject.state", "ija_core.traject._fold"),
        ("ija_core.groep.events", "ija_core.groep.groep"),
        ("ija_core._codec", "ija_core.traject.traject"),
        ("ija_core.traject._fold", "ija_core.traject.traject"),
    ],
)
def test_a_low_module_does_not_run_the_top_of_its_package(module: str, niet: str) -> None:
    """What Python really runs: a fresh interpreter imports ``module`` and never ``niet``."""
    code = f"import sys, {module}; print({niet!r} in sys.modules)"
    uit = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert uit.stdout.strip() == "False"
