"""Tests for sitegen/pipeline.py and sitegen/cli.py: the whole build from model and content to dist/, through
`build()` and the command line (`build.py`).

Golden test: `test_golden_site` builds tests/fixtures/sample twice, once with its own model and once together with
tests/fixtures/minimal (two scans), and compares every page and every model's JSON with the committed files in
tests/golden/two-models/ and, for the site pages that differ with one model, tests/golden/sample/ (with the content
hashes and the Pyodide version in asset paths replaced by placeholders). After an intended change (a template, a view, the sample), refresh them with this one
command and review the diff before committing:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/generator/test_build.py -k golden
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitegen.errors import BuildError
from sitegen.pipeline import build
from sitegen.render import CSP

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "fixtures" / "sample"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal" / "model" / "minimaal.yaml"
GOLDEN = ROOT / "tests" / "golden"
GOLDEN_INPUTS: dict[str, Path | list[Path]] = {"sample": SAMPLE / "model" / "sample.yaml",
                                               "two-models": [SAMPLE / "model" / "sample.yaml", MINIMAL]}

SITE_PAGES = ["colofon.html", "index.html", "privacy.html", "toegankelijkheid.html"]


def model_pages(model_id: str, elements: int) -> list[str]:
    """The pages of one model's scan, in the folder named after its id (and for a translation, its language)."""
    return [f"{model_id}/{name}" for name in ("uitleg.html", "scan.html", "resultaat.html", "plan.html",
                                              "metingen.html", "scans.html", "team.html")] + [
        f"{model_id}/elementen/e{n}.html" for n in range(1, elements + 1)]


PAGES = sorted(SITE_PAGES + model_pages("voorbeeld", 2))
INPUTS = {"real": (ROOT / "model", ROOT / "content"),
          "sample": (SAMPLE / "model" / "sample.yaml", SAMPLE / "content")}
PYODIDE_VERSION = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text(encoding="utf-8"))["version"]
# The engine files; the standard library's name carries its content hash (?), the folder the Pyodide version.
PYODIDE = [f"pyodide/{PYODIDE_VERSION}/{name}" for name in
           ["pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs", "python_stdlib-?.zip"]]
STATIC = ROOT / "site_templates" / "assets"


def assets_for(*model_ids: str) -> list[str]:
    """What assets/<hash>/ holds: our static files, the theme and the icon, where the runtime is, scoring_py and
    each model's JSON."""
    ours = [path.relative_to(STATIC).as_posix() for path in STATIC.rglob("*") if path.is_file()]
    generated = ["theme.css", "favicon.svg", "js/engine-files.js", "scoring_py.zip"]
    return sorted(ours + generated + [f"models/{model_id}.json" for model_id in model_ids])


HASHED = re.compile(r"(?<=assets/)[0-9a-f]{10}(?=/)|(?<=python_stdlib-)[0-9a-f]{10}(?=\.zip)")
RESULT_KEY = re.compile(r'(?<=data-result-key=")([^"/]*)/[0-9a-f]{10}(?=")')  # the model's version / a hash


@pytest.fixture
def sample(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the sample model and content that a test may change: (model file, content folder)."""
    shutil.copytree(SAMPLE, tmp_path / "sample")
    return tmp_path / "sample" / "model" / "sample.yaml", tmp_path / "sample" / "content"


@pytest.fixture
def two_models(sample: tuple[Path, Path]) -> tuple[Path, Path]:
    """The sample copy with the minimal model next to the sample model: (model folder, content folder)."""
    model, content = sample
    shutil.copy(MINIMAL, model.parent / MINIMAL.name)
    return model.parent, content


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the real model and content, once for the tests that only read it."""
    out = tmp_path_factory.mktemp("real") / "dist"
    model, content = INPUTS["real"]
    build(model, out, content)
    return out


@pytest.fixture(scope="module", params=list(INPUTS))
def site(request: pytest.FixtureRequest, real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site and the sample site, for the checks every built site must pass."""
    if request.param == "real":
        return real_site
    out = tmp_path_factory.mktemp(request.param) / "dist"
    model, content = INPUTS[request.param]
    build(model, out, content)
    return out


def run_build(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "build.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def all_files(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the hash of its bytes, keyed by its path relative to `folder`."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def without_hashes(names) -> list[str]:
    """Paths with their content hashes replaced by '?', so a test can list them."""
    return sorted(HASHED.sub("?", name) for name in names)


def asset_folder(site: Path) -> Path:
    """The one assets/<content hash>/ folder of a build."""
    (folder,) = (site / "assets").iterdir()
    return folder


def html_pages(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.html"))


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_in(path: Path, needle: str) -> int:
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in line]
    assert len(found) == 1, f"{needle!r} is on lines {found} of {path}"
    return found[0]


# --- a good build ------------------------------------------------------------------------------------------


def test_build_writes_the_whole_site(sample: tuple[Path, Path], tmp_path: Path) -> None:
    model, content = sample
    out = tmp_path / "site" / "dist"

    report = build(model, out, content, site_config=content.parent / "site.yaml")

    files = all_files(out)
    assert without_hashes(files) == sorted(PAGES + PYODIDE + ["sw.js"] + [f"assets/?/{name}" for name in assets_for("voorbeeld")])
    assert report.files == len(files)
    assert report.warnings == []
    assert sorted(path.name for path in out.parent.iterdir()) == ["dist"]  # no staging or retired folder left


def test_real_site_has_every_page(real_site: Path) -> None:
    assert html_pages(real_site) == sorted(
        ["index.html", "privacy.html", "toegankelijkheid.html", "colofon.html",
         *model_pages("semm", 9), *model_pages("topdesk-esm", 5),  # and each in English (model/translations)
         *model_pages("semm/en", 9), *model_pages("topdesk-esm/en", 5)])
    assert without_hashes(all_files(real_site / "pyodide")) == [name.removeprefix("pyodide/") for name in PYODIDE]
    assert sorted(all_files(asset_folder(real_site))) == assets_for("semm", "semm.en", "topdesk-esm", "topdesk-esm.en")


@pytest.mark.parametrize("given", ["file", "folder"])
def test_cli_builds_the_site(sample: tuple[Path, Path], tmp_path: Path, given: str) -> None:
    model, content = sample
    out = tmp_path / "site" / "dist"

    completed = run_build("--model", model if given == "file" else model.parent, "--content", content, "--out", out,
                          "--site", content.parent / "site.yaml")

    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    assert completed.stdout == f"Klaar: {len(all_files(out))} bestanden in {out}.\n"
    assert html_pages(out) == PAGES


def test_python_m_sitegen_is_the_same_command_line(sample: tuple[Path, Path], tmp_path: Path) -> None:
    model, content = sample
    out = tmp_path / "dist"

    completed = subprocess.run([sys.executable, "-m", "sitegen", "build", "--model", str(model), "--content",
                                str(content), "--out", str(out), "--site", str(content.parent / "site.yaml")], cwd=ROOT, capture_output=True, text=True,
                               encoding="utf-8", timeout=120)

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == f"Klaar: {len(all_files(out))} bestanden in {out}.\n"
    assert html_pages(out) == PAGES


@pytest.mark.parametrize(("command", "name"), [(["build.py"], "build.py"), (["-m", "sitegen"], "python -m sitegen")])
def test_help_names_the_command_that_was_typed(command: list[str], name: str) -> None:
    completed = subprocess.run([sys.executable, *command, "--help"], cwd=ROOT, capture_output=True, text=True,
                               encoding="utf-8", timeout=60)

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith(f"usage: {name} [-h]")


def test_two_builds_give_identical_files(sample: tuple[Path, Path], tmp_path: Path) -> None:
    model, content = sample

    build(model, tmp_path / "een" / "dist", content)
    build(model, tmp_path / "twee" / "dist", content)

    first, second = all_files(tmp_path / "een" / "dist"), all_files(tmp_path / "twee" / "dist")
    assert list(first) == list(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_rebuild_replaces_the_old_site(sample: tuple[Path, Path], tmp_path: Path) -> None:
    model, content = sample
    out = tmp_path / "site" / "dist"
    build(model, out, content)
    (out / "oud-bestand.html").write_text("van een vorige bouw", encoding="utf-8")

    build(model, out, content)

    assert html_pages(out) == PAGES
    assert sorted(path.name for path in out.parent.iterdir()) == ["dist"]


# --- several models ----------------------------------------------------------------------------------------


def test_folder_of_two_models_builds_each_under_its_own_path(two_models: tuple[Path, Path], tmp_path: Path) -> None:
    models, content = two_models
    out = tmp_path / "site" / "dist"

    report = build(models, out, content, site_config=content.parent / "site.yaml")

    assert html_pages(out) == sorted(SITE_PAGES + model_pages("minimaal", 2) + model_pages("voorbeeld", 2))
    assert report.warnings == []
    for model_id in ("minimaal", "voorbeeld"):
        model_file = asset_folder(out) / "models" / f"{model_id}.json"
        assert json.loads(model_file.read_text(encoding="utf-8"))["id"] == model_id
        for page in ("scan.html", "resultaat.html"):
            # The page's storage and engine follow its own model: the record rule's data name it.
            assert f'"model": "{model_id}"' in (out / model_id / page).read_text(encoding="utf-8"), page
    assert not (asset_folder(out) / "model.json").exists()  # each model has its own file
    index = (out / "index.html").read_text(encoding="utf-8")
    for scan, label in [("minimaal", "Feedback"), ("voorbeeld", "VKM")]:
        assert index.count(f'<a class="button" href="{scan}/scan.html">Start de {label}-scan</a>') == 1, scan
        assert index.count(f'<a href="{scan}/uitleg.html">Uitleg over dit model</a>') == 1, scan
    # Without content of its own the minimal model's explanation starts with the model's intro.
    explanation = (out / "minimaal" / "uitleg.html").read_text(encoding="utf-8")
    assert '<p class="lead">Deze kleine scan laat zien' in explanation


def test_list_of_model_files_builds_the_same_site_as_their_folder(two_models: tuple[Path, Path],
                                                                   tmp_path: Path) -> None:
    models, content = two_models

    build(models, tmp_path / "map" / "dist", content)
    build([models / "minimaal.yaml", models / "sample.yaml"], tmp_path / "lijst" / "dist", content)

    assert all_files(tmp_path / "lijst" / "dist") == all_files(tmp_path / "map" / "dist")


# --- a build with errors -----------------------------------------------------------------------------------


def test_build_collects_model_and_content_problems_in_one_run(sample: tuple[Path, Path], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    model, content = sample
    monkeypatch.chdir(tmp_path / "sample")
    replace_in(model, "short_name: VKM\n", "")
    replace_in(model, "name: Juistheid", "naam: Juistheid")
    replace_in(content / "privacy.md", "Er gaat niets naar een server.", "Er gaat <em>niets</em> naar een server.")
    (content / "colofon.md").unlink()

    with pytest.raises(BuildError) as raised:
        build(model, tmp_path / "site" / "dist", content)

    assert [str(p) for p in raised.value.problems] == [
        # The top block starts below the comment lines at the top of the file.
        f"model/sample.yaml:{line_in(model, 'id: voorbeeld')}: het model mist de verplichte sleutel 'short_name'",
        f"model/sample.yaml:{line_in(model, 'id: e2a')}: aspect 1 van element 'e2' mist de verplichte sleutel 'name'",
        f"model/sample.yaml:{line_in(model, 'naam: Juistheid')}: onbekende sleutel 'naam' in aspect 1 van element "
        "'e2'; bedoel je 'name'?",
        f"content/privacy.md:{line_in(content / 'privacy.md', '<em>')}: HTML-code '<em>' in Markdown is niet "
        "toegestaan; gebruik alleen Markdown",
        "content:1: de pagina 'colofon.md' ontbreekt; die is nodig voor de site",
    ]
    assert not (tmp_path / "site").exists()


def test_failed_build_keeps_the_last_good_site(sample: tuple[Path, Path], tmp_path: Path) -> None:
    model, content = sample
    out = tmp_path / "site" / "dist"
    assert run_build("--model", model, "--content", content, "--out", out).returncode == 0
    before = all_files(out)
    replace_in(model, 'version: "0.1"', "version: 0.2")
    replace_in(model, "- id: e2b", "- id: e1b")
    explanation = content / "voorbeeld" / "uitleg.md"
    replace_in(explanation, "Bekijk bijvoorbeeld", "<script>alert('hallo')</script> Bekijk bijvoorbeeld")

    completed = run_build("--model", model, "--content", content, "--out", out)

    assert completed.returncode == 1
    assert completed.stdout == ""
    e1b = [n for n, line in enumerate(model.read_text(encoding="utf-8").splitlines(), start=1) if "id: e1b" in line]
    assert completed.stderr.splitlines() == [
        f"De bouw is gestopt: 3 problemen gevonden. De vorige versie van {out} blijft staan.",
        f"  {model}:{line_in(model, 'version:')}: 'version' moet tekst zijn, zet de waarde tussen aanhalingstekens "
        "(gevonden een kommagetal 0.2)",
        f"  {model}:{e1b[1]}: id 'e1b' komt twee keer voor (eerder op regel {e1b[0]}); ids moeten uniek zijn",
        f"  {explanation}:{line_in(explanation, '<script>')}: een <script>-blok in Markdown is "
        "niet toegestaan; gebruik alleen Markdown",
    ]
    assert "Traceback" not in completed.stderr
    assert all_files(out) == before
    assert sorted(path.name for path in out.parent.iterdir()) == ["dist"]


def test_broken_link_stops_the_build_with_file_and_line(sample: tuple[Path, Path], tmp_path: Path) -> None:
    model, content = sample
    out = tmp_path / "site" / "dist"
    replace_in(content / "index.md", "(voorbeeld/uitleg.html)", "(voorbeeld/uitlegg.html)")

    completed = run_build("--model", model, "--content", content, "--out", out)

    assert completed.returncode == 1
    assert completed.stderr.splitlines() == [
        f"De bouw is gestopt: 1 probleem gevonden. De vorige versie van {out} blijft staan.",
        f"  {content / 'index.md'}:{line_in(content / 'index.md', 'uitlegg')}: link naar 'voorbeeld/uitlegg.html': "
        "die pagina bestaat niet (bestaande pagina's: colofon.html, index.html, privacy.html, toegankelijkheid.html, "
        "voorbeeld/elementen/e1.html, voorbeeld/elementen/e2.html, ...)",
    ]
    assert not out.parent.exists()


def test_page_at_the_root_that_is_no_site_page_is_an_error(sample: tuple[Path, Path], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    model, content = sample
    monkeypatch.chdir(tmp_path / "sample")
    shutil.copy(content / "voorbeeld" / "uitleg.md", content / "uitleg.md")  # where it stood before several models

    with pytest.raises(BuildError) as raised:
        build(model, tmp_path / "site" / "dist", content)

    assert [str(p) for p in raised.value.problems] == [
        "content:1: 'uitleg.md' hoort bij geen pagina van de site (wel: index.md, privacy.md, toegankelijkheid.md, "
        "colofon.md); de uitleg van een model staat in <model-id>/uitleg.md, bijvoorbeeld voorbeeld/uitleg.md",
    ]
    assert not (tmp_path / "site").exists()


def test_content_folder_that_matches_no_model_is_an_error(sample: tuple[Path, Path], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    model, content = sample
    monkeypatch.chdir(tmp_path / "sample")
    (content / "voorbeeld").rename(content / "voorbeelden")

    with pytest.raises(BuildError) as raised:
        build(model, tmp_path / "site" / "dist", content)

    assert [str(p) for p in raised.value.problems] == [
        "content:1: de map 'voorbeelden/' hoort bij geen enkel model (modellen: voorbeeld); hernoem de map naar het "
        "id van een model",
    ]
    assert not (tmp_path / "site").exists()


def test_other_page_in_a_model_folder_is_an_error(sample: tuple[Path, Path], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    model, content = sample
    monkeypatch.chdir(tmp_path / "sample")
    shutil.copy(content / "colofon.md", content / "voorbeeld" / "colofon.md")

    with pytest.raises(BuildError) as raised:
        build(model, tmp_path / "site" / "dist", content)

    assert [str(p) for p in raised.value.problems] == [
        "content:1: 'voorbeeld/colofon.md': in een modelmap staat alleen 'uitleg.md'",
    ]
    assert not (tmp_path / "site").exists()


def test_two_models_with_the_same_id_are_an_error(sample: tuple[Path, Path], tmp_path: Path) -> None:
    model, content = sample
    copy = model.parent / "tweede.yaml"
    shutil.copy(model, copy)
    replace_in(copy, "name: Voorbeeldmodel voor klantcontact", "name: Tweede voorbeeldmodel")
    out = tmp_path / "site" / "dist"

    completed = run_build("--model", model.parent, "--content", content, "--out", out)

    assert completed.returncode == 1
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        f"De bouw is gestopt: 1 probleem gevonden. De vorige versie van {out} blijft staan.",
        f"  {copy}:{line_in(copy, 'id: voorbeeld')}: het id 'voorbeeld' staat ook in {model}; elk model heeft een "
        "eigen id nodig",
    ]
    assert not out.parent.exists()


def test_folder_without_models_is_an_error(sample: tuple[Path, Path], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    model, content = sample
    monkeypatch.chdir(tmp_path / "sample")
    model.rename(model.with_suffix(".yml"))  # only *.yaml counts

    with pytest.raises(BuildError) as raised:
        build(model.parent, tmp_path / "site" / "dist", content)
    with pytest.raises(BuildError) as raised_for_list:
        build([], tmp_path / "site" / "dist", content)

    assert [str(p) for p in raised.value.problems] == [
        "model:1: geen model gevonden: zet minstens één .yaml-bestand in model",
    ]
    assert [str(p) for p in raised_for_list.value.problems] == [
        "model:1: geen model gevonden: zet minstens één .yaml-bestand in model",
    ]
    assert not (tmp_path / "site").exists()


def test_failed_swap_puts_the_old_site_back(sample: tuple[Path, Path], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    model, content = sample
    out = tmp_path / "site" / "dist"
    build(model, out, content)
    before = all_files(out)
    real_rename = Path.rename

    def failing_rename(self: Path, target: Path) -> Path:
        if self.name.startswith(".dist-new-"):  # moving the new site into place fails, e.g. a full disk
            raise OSError("schijf vol")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)

    with pytest.raises(OSError, match="schijf vol"):
        build(model, out, content)

    assert all_files(out) == before
    assert sorted(path.name for path in out.parent.iterdir()) == ["dist"]


# --- warnings and --strict ---------------------------------------------------------------------------------


def test_warning_is_printed_and_strict_turns_it_into_a_failure(sample: tuple[Path, Path], tmp_path: Path) -> None:
    model, content = sample
    long_text = "Dit aspect krijgt een veel te lange beschrijving. " * 15
    replace_in(model, "- Antwoorden verschillen per medewerker.", f"- {long_text.strip()}")
    warning = (f"{model}:{line_in(model, 'veel te lange')}: waarschuwing: aspect 'e2a', fase 1 is "
               f"{len(long_text.strip())} tekens lang; houd het onder 700 zodat het op een telefoon te lezen is")
    out = tmp_path / "site" / "dist"

    site = content.parent / "site.yaml"
    strict = run_build("--model", model, "--content", content, "--out", out, "--site", site, "--strict")

    assert strict.returncode == 1
    assert strict.stdout == ""
    assert strict.stderr.splitlines() == [
        f"De bouw is gestopt: 1 probleem gevonden. De vorige versie van {out} blijft staan.",
        f"  {warning}",
    ]
    assert not out.parent.exists()

    normal = run_build("--model", model, "--content", content, "--out", out, "--site", site)

    assert normal.returncode == 0
    assert normal.stderr.splitlines() == [f"  {warning}"]
    assert normal.stdout == f"Klaar: {len(all_files(out))} bestanden in {out}, 1 waarschuwing.\n"


# --- what the built pages contain --------------------------------------------------------------------------


class _PageParser(HTMLParser):
    """Collects every href/src, every id, the attributes of <html>, and the first tag inside <head>."""

    def __init__(self) -> None:
        super().__init__()
        self.html: dict[str, str | None] = {}
        self.urls: list[str] = []
        self.ids: set[str] = set()
        self.in_head = False
        self.first_in_head: tuple[str, dict[str, str | None]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html = values
        if self.in_head and self.first_in_head is None:
            self.first_in_head = (tag, values)
        self.in_head = self.in_head or tag == "head"
        self.urls += [value or "" for name, value in attrs if name in ("href", "src")]
        if values.get("id"):
            self.ids.add(values["id"] or "")


def parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_link_is_relative_and_points_to_a_file_in_the_site(site: Path) -> None:
    """Apart from a model's source and licence, each marked as another website (_source.html)."""
    wrong = []
    for page in html_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        leaving = set(re.findall(r'<a class="external" href="([^"]+)" rel="external noopener">', html))
        for url in parse(site / page).urls:
            if url in leaving:
                continue
            path = url.split("#")[0].split("?")[0]
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
            if url.startswith(("/", "http:", "https:")) or "//" in url or not (site / target).is_file():
                wrong.append(f"{page}: {url}")
    assert wrong == []


def test_every_anchor_exists_on_its_page(site: Path) -> None:
    ids = {page: parse(site / page).ids for page in html_pages(site)}
    missing = []
    for page in ids:
        for url in parse(site / page).urls:
            if "#" in url:
                path, anchor = url.split("#", 1)
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
                if anchor not in ids[target]:
                    missing.append(f"{page}: {url}")
    assert missing == []


def test_every_page_starts_its_head_with_the_content_security_policy(site: Path) -> None:
    for page in html_pages(site):
        first = parse(site / page).first_in_head
        # HTMLParser unescapes attribute values, so this compares the policy the browser reads.
        assert first == ("meta", {"http-equiv": "Content-Security-Policy", "content": CSP}), page


def test_every_page_declares_its_encoding_in_the_first_1024_bytes(site: Path) -> None:
    # Browsers look for <meta charset> only that far; the <html> attributes and the policy come before it.
    for page in html_pages(site):
        assert b'<meta charset="utf-8">' in (site / page).read_bytes()[:1024], page


def test_engine_and_service_worker_paths_point_into_the_site(site: Path) -> None:
    engine_pages = []
    for page in html_pages(site):
        html = parse(site / page).html

        def target(name: str, page: str = page, html: dict[str, str | None] = html) -> Path:
            return site / posixpath.normpath(posixpath.join(posixpath.dirname(page), html[name] or ""))

        assert target("data-service-worker") == site / "sw.js", page
        if "data-engine" in html:
            engine_pages.append(page)
            assert json.loads(target("data-engine-model").read_text(encoding="utf-8"))["id"] == page.split("/")[0]
    # Every page of a model's own folder works with the engine, except the explanation and the paper version.
    assert engine_pages == sorted(page for page in html_pages(site) if "/" in page
                                  and not page.endswith("uitleg.html") and "/elementen/" not in page)


def test_engine_worker_is_told_where_the_runtime_is(site: Path) -> None:
    # engine-files.js names its paths relative to itself: resolve them the way the browser does.
    module = asset_folder(site) / "js" / "engine-files.js"
    source = module.read_text(encoding="utf-8")
    paths = dict(re.findall(r'^export const (\w+) = new URL\("([^"]+)", import\.meta\.url\)', source, re.M))
    lock_line = re.search(r"^export const lock = (\{.*?\});", source, re.M)
    assert lock_line is not None, source
    lock = json.loads(lock_line.group(1))

    def target(name: str) -> Path:
        return Path(posixpath.normpath(posixpath.join(module.parent.as_posix(), paths[name])))

    assert (target("runtime") / "pyodide.asm.wasm").is_file()
    assert target("stdlib").is_file() and target("stdlib").parent == target("runtime")
    assert lock["abi_version"] and lock["python"].startswith("3.")
    assert 'from "./engine-files.js"' in (module.parent / "engine-worker.js").read_text(encoding="utf-8")


def test_service_worker_lists_every_file_of_the_build(site: Path) -> None:
    sw = (site / "sw.js").read_text(encoding="utf-8")
    lists = dict(re.findall(r"^const (IMMUTABLE|REVALIDATE) = (.*?);$", sw, re.M | re.S))
    listed = json.loads(lists["IMMUTABLE"]) + json.loads(lists["REVALIDATE"])

    assert sorted(listed) == sorted(name for name in all_files(site) if name != "sw.js")


def test_model_json_is_the_checked_model(real_site: Path) -> None:
    semm = json.loads((asset_folder(real_site) / "models" / "semm.json").read_text(encoding="utf-8"))
    topdesk = json.loads((asset_folder(real_site) / "models" / "topdesk-esm.json").read_text(encoding="utf-8"))

    assert semm["id"] == "semm"
    assert [element["id"] for element in semm["elements"]] == [f"e{n}" for n in range(1, 10)]
    assert topdesk["id"] == "topdesk-esm"
    assert [element["id"] for element in topdesk["elements"]] == [f"e{n}" for n in range(1, 6)]


# --- golden end-to-end test --------------------------------------------------------------------------------


def golden_form(html: bytes) -> bytes:
    """The page with what changes on every code or Pyodide change replaced: content hashes, the Pyodide version and
    the hash in the result key. The golden files are about what the pages say and link to."""
    text = HASHED.sub("HASH", html.decode("utf-8")).replace(f"pyodide/{PYODIDE_VERSION}/", "pyodide/VERSION/")
    text = RESULT_KEY.sub(r"\1/HASH", text)
    return text.encode("utf-8")


# The one-model build makes the same model pages as the two-model build: those are stored once, in two-models/,
# and sample/ holds only what one model changes (the site pages).
SHARED_WITH = {"sample": "two-models"}


def golden_path(name: str, page: str) -> Path:
    """Where the expected copy of a produced file is kept."""
    return GOLDEN / (SHARED_WITH[name] if "/" in page and name in SHARED_WITH else name) / page


@pytest.mark.parametrize("name", list(GOLDEN_INPUTS))
def test_golden_site(tmp_path: Path, name: str) -> None:
    out, golden = tmp_path / "dist", GOLDEN / name
    # Without a site.yaml the defaults apply, so the golden output does not follow the project's own settings.
    build(GOLDEN_INPUTS[name], out, SAMPLE / "content", site_config=SAMPLE / "geen-site.yaml")
    models = sorted(f"models/{path.name}" for path in (asset_folder(out) / "models").iterdir())
    produced = {page: golden_form((out / page).read_bytes()) for page in html_pages(out)}
    produced.update({name: (asset_folder(out) / name).read_bytes() for name in models})

    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(golden, ignore_errors=True)
        for page, data in produced.items():
            golden_path(name, page).parent.mkdir(parents=True, exist_ok=True)
            golden_path(name, page).write_bytes(data)
        return

    own = sorted(path.relative_to(golden).as_posix() for path in golden.rglob("*") if path.is_file())
    assert sorted(page for page in produced if golden_path(name, page).parent == golden or
                  GOLDEN / name in golden_path(name, page).parents) == own, (
        f"other files than in tests/golden/{name}; see the top of this file")
    for page in produced:
        expected = golden_path(name, page)
        assert expected.is_file(), f"{page} has no golden copy ({expected}); see the top of this file"
        assert produced[page].decode("utf-8") == expected.read_text(encoding="utf-8"), (
            f"{page} differs from {expected.relative_to(ROOT)}; if the change is intended, refresh with "
            "UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/generator/test_build.py -k golden")


def test_a_site_without_semm_that_keeps_semms_name_and_landing_text_is_warned(sample: tuple[Path, Path],
                                                                              tmp_path: Path) -> None:
    model, content = sample
    (content / "index.md").write_text("---\ntitle: Start\nsummary: De start.\n---\n\nDeze scan volgt het model "
                                      "SEMM.\n", encoding="utf-8")
    report = build(model, tmp_path / "dist", content, site_config=ROOT / "site.yaml")

    assert [str(problem) for problem in report.warnings] == [
        "site.yaml:5: waarschuwing: de site heet nog 'Service Excellence Scan', de naam van de voorbeeldsite over "
        "SEMM, maar je bouwt geen SEMM-scan; geef je site een eigen naam bij 'name'",
        f"{content / 'index.md'}:6: waarschuwing: de startpagina spreekt nog over 'SEMM', maar je bouwt geen "
        "SEMM-scan; schrijf de tekst voor je eigen model",
    ]
    with_semm = build([model, ROOT / "model" / "semm.yaml"], tmp_path / "dist", content, site_config=ROOT / "site.yaml")
    assert with_semm.warnings == []
