"""Content quality measured on the built pages: plain language, required
sections, review dates shown to readers, spelling, and a governed build."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from pipeline.pages.language import source_language
from pipeline.urls import built_file
from site_checks import readability

from site_checks.sitebuild import ROOT, build, copy_project

MAX_GRADE = 8.0
# Spanish pages: Fernández-Huerta reading ease (issue 17), higher is easier.
MIN_EASE_ES, MIN_MEDIAN_EASE_ES = 60.0, 70.0
REQUIRED_SECTIONS = [
    "How it may help", "How well it works", "Risks and side effects",
    "Other options", "What is uncertain", "When to get help",
]
# Reference material, not running prose (STANDARD.md: glossary and reference
# list are excluded from the reading-grade measurement).
NOT_PROSE = {"glossary.md", "references.md", "glossary.es.md", "references.es.md"}
KEY_POINTS = {"en": "Key points", "es": "Puntos clave"}


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def sources(project: Path, language: str | None = None) -> list[Path]:
    """Every page's source file (of one language only, when given)."""
    docs = project / "docs"
    return sorted(p for p in docs.rglob("*.md") if "_data" not in p.parts
                  and language in (None, source_language(p.relative_to(docs).as_posix())))


def built(site, source: Path) -> Path:
    """The built page of a source file."""
    return site.root / built_file(source.relative_to(site.project / "docs").as_posix())


def test_reading_grade_of_every_patient_page(site, capsys):
    rows, too_hard = [], []
    for source in sources(site.project, "en"):  # Flesch-Kincaid is an English measure
        name = source.relative_to(site.project / "docs").as_posix()
        if name in NOT_PROSE:
            continue
        result = readability.measure(built(site, source).read_text(encoding="utf-8"))
        rows.append((name, result.grade, result.words, front_matter(source)["next_review"]))
        if result.grade > MAX_GRADE:
            too_hard.append(f"{name}: grade {result.grade}")
    with capsys.disabled():
        print("\n\nReading grade (Flesch-Kincaid, body text only)")
        print(f"{'page':34} {'grade':>5} {'words':>6}  next review")
        for name, grade, words, due in rows:
            print(f"{name:34} {grade:5.1f} {words:6d}  {due}")
    assert not too_hard, f"pages above grade {MAX_GRADE}: {too_hard}"
    assert len(rows) >= 15, "every English patient page is measured"
    assert all(words >= 150 for name, _, words, _ in rows if name != "index.md"), "a page has almost no prose"


def test_spanish_reading_ease_of_every_patient_page(site, capsys):
    rows = {}
    for source in sources(site.project, "es"):
        name = source.relative_to(site.project / "docs").as_posix()
        if name not in NOT_PROSE:
            rows[name] = readability.reading_ease_es(built(site, source).read_text(encoding="utf-8"))
    with capsys.disabled():
        print("\n\nSpanish reading ease (Fernández-Huerta, body text only; 60 at least, median 70 at least)")
        for name, ease in rows.items():
            print(f"{name:34} {ease:5.1f}")
    assert len(rows) == 19, "every Spanish page but the glossary and the reference list"
    assert not [name for name, ease in rows.items() if ease < MIN_EASE_ES], rows
    ordered = sorted(rows.values())
    assert ordered[len(ordered) // 2] >= MIN_MEDIAN_EASE_ES, rows


def test_spanish_reading_ease_fails_on_hard_text():
    hard = ("<article><p>La administración concomitante de inmunomoduladores tópicos, "
            "particularmente en pacientes inmunocomprometidos, incrementa considerablemente la probabilidad "
            "de complicaciones infecciosas, inflamatorias y pigmentarias postprocedimentales.</p></article>")
    easy = "<article><p>Lave su piel con agua. No la toque. Use crema para el sol cada día.</p></article>"
    assert readability.reading_ease_es(hard) < MIN_EASE_ES < readability.reading_ease_es(easy)


def test_condition_and_treatment_pages_have_the_required_sections(site):
    checked = 0
    for source in sources(site.project, "en"):
        if front_matter(source).get("page_type") not in {"condition", "treatment"} or source.name == "treatment-plan.md":
            continue
        document = BeautifulSoup(built(site, source).read_text(encoding="utf-8"), "html.parser")
        headings = [re.sub(r"\s+", " ", h.get_text()).strip().rstrip("¶").strip() for h in document.select("article h2")]
        missing = [s for s in REQUIRED_SECTIONS if s not in headings]
        assert not missing, f"{source.name} lacks sections {missing}"
        checked += 1
    assert checked >= 5, "the five condition pages must be checked"


def test_spanish_pages_keep_the_english_sections(site):
    """A translation keeps every section of its English page, with the same
    address (#id), so links and the required sections carry over."""
    for source in sources(site.project, "es"):
        if source.name == "glossary.es.md":
            continue  # its A to Z sections follow the Spanish words
        english = source.with_name(source.name.replace(".es.md", ".md"))
        ids = [[h.get("id") for h in BeautifulSoup(built(site, page).read_text(encoding="utf-8"), "html.parser").select("article h2")]
               for page in (english, source)]
        assert ids[0] == ids[1], f"{source.name}: sections {ids[1]} differ from the English {ids[0]}"


def long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


SPANISH_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                  "noviembre", "diciembre")


def review_lines(source: Path, check: dict) -> tuple[str, str, str]:
    """What a page's review box says as shipped, in the page's language: (checked, pending, reviewed)."""
    if source.name.endswith(".es.md"):
        who = "nuestro equipo editorial" if check["by"] == "our editors" else check["by"]
        day = check["date"]
        return (f"Control editorial: {who}, el {day.day} de {SPANISH_MONTHS[day.month - 1]} de {day.year}.",
                "Todavía sin revisión clínica.", "Revisión clínica:")
    return f"Checked by {check['by']} on {long_date(check['date'])}.", "Not yet reviewed by a clinician.", "Reviewed by"


def test_every_page_shows_its_review_details(site):
    """Each page says who checked it and when, and (as no clinician has signed
    any page off yet) that no clinician has reviewed it."""
    for source in sources(site.project, "en"):
        meta = front_matter(source)
        box = BeautifulSoup(built(site, source).read_text(encoding="utf-8"), "html.parser").select_one(".review-info")
        assert box is not None, f"{source.name}: no review details"
        text = " ".join(box.get_text(" ").split())
        checked, pending, reviewed = review_lines(source, meta["editorial_check"])
        assert checked in text, source.name
        assert meta["clinical_review"] == "pending" and pending in text, source.name
        assert reviewed not in text
        assert [t["datetime"] for t in box.select("time")] == [str(meta["next_review"])]


def test_key_points_come_first(site):
    for source in sources(site.project):
        if source.name in NOT_PROSE:
            continue
        article = BeautifulSoup(built(site, source).read_text(encoding="utf-8"), "html.parser").select_one("article")
        first_block = article.h1.find_next_sibling()
        key_points = KEY_POINTS[source_language(source.name)]
        assert first_block is not None and key_points in first_block.get_text(), f"{source.name} does not open with its key points"


def test_spelling():
    # codespell knows English only: Spanish files (and the Spanish search script) would be "misspelt" English ("hace ==> have").
    command = [sys.executable, "-m", "codespell_lib", "--skip", "*.es.md,*.es.svg,*.es.yml,*-es.js", "docs", "includes", "README.md"]
    words = ROOT / ".codespell-words"
    if words.exists():
        command += ["--ignore-words", str(words)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def broken_build(site, tmp_path, page: str, change) -> str:
    project = copy_project(tmp_path / "project", site.project)
    path = project / "docs" / page
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0, "the build should have failed"
    assert not (project / "site").exists(), "nothing may be published from a failed build"
    return result.stdout + result.stderr


def test_unknown_citation_fails_the_build(site, tmp_path):
    output = broken_build(site, tmp_path, "index.md", lambda t: t.replace('{{ cite("Alam2014") }}', '{{ cite("Alam2041") }}', 1))
    assert "unknown reference key(s) Alam2041" in output and "index.md" in output
