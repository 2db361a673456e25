"""Names in running text: pages full of ordinary words that share a name's key, searched by name.

Two pages (Arabic and English) written for these tests hold the look-alikes that real text is full
of: دورية "patrol", الدائرة "the department" and الدورة "the course" share the key of درعا; قيادة
"command", قادة "leaders" and قائد "commander" that of القاعدة; الجولاني is the nisba of الجولان;
الأساسي and أصول sound like ISIS; الأنصاري like النصرة; *Reach* like الرقة; حمص (Homs) like حماس.
Every passage is judged by a pattern per entity, as ``bench/realtext_names.py`` judges real pages,
and the whole set keeps a precision and recall floor.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import bicorpus
from bicorpus.cli import main as cli
from bicorpus.errors import QueryError, SearchIndexError
from bicorpus.index.search import DEFAULT_MIN_CONFIDENCE, INDEX_SCHEMA, VERSION_FILE
from bicorpus.model import TIERS

ARABIC_PAGE = """أخبار الجنوب والشمال

سيّرت القوات الروسية دورية مشتركة على الطريق الدولي، وقالت الدائرة الإعلامية إن الدورة التدريبية انتهت.

أعلنت قيادة العمليات أن قادة الفصائل اجتمعوا مع قائد الشرطة لبحث قضايا الأمن.

قال أبو محمد الجولاني إن الهيئة ماضية في مشروعها في الشمال.

الوضع الأساسي في المدينة هادئ بالأساس، ويعود أصل المشكلة إلى أصول قديمة.

التقى الشيخ الأنصاري وجهاء الحي في المسجد الكبير.

وصلت تعزيزات عسكرية إلى مدينة حمص وسط البلاد.

هاجم تنظيم داعش مواقع للجيش في محافظة درعا جنوب سوريا.

أعلن تنظيم القاعدة مسؤوليته عن الهجوم، وقالت جبهة النصرة إنها لم تشارك فيه.

احتلت إسرائيل هضبة الجولان عام 1967 وما زالت تحتلها.

سيطرت قوات سوريا الديمقراطية على مدينة الرقة بعد معارك طويلة مع الدولة الإسلامية.

أصدرت حركة حماس بيانا من غزة تدين فيه القصف.

قال مسؤول عراقي إن الحكومة العراقية ستواصل دعم الجيش.

زار رئيس الوزراء العراق الأسبوع الماضي.

اعتقل في معسكر بوكا قبل أن يسافر إلى باكستان.

سيطرت القوات على سد الطبقة بعد أيام من القتال.

انتقد الكاتب الطبقة السياسية في البلاد.
"""

ENGLISH_PAGE = """Notes from the north and the south

Reach out to the families of the missing, officials said on Monday.

Kurdish forces entered Raqqa after a long siege; the city of Raqqa was left in ruins.

IS fighters withdrew from the town as the Islamic State lost ground in the east.

This is what the report says: the situation is calm and the roads are open.

Rebels in Daraa province clashed with regime forces on Sunday.

The HTS leader Abu Mohammad al-Jolani spoke to reporters in Idlib.

The SDF and the YPG took the town of Manbij from the militants.

Hamas officials in Gaza rejected the plan, while Homs stayed quiet.

Iraqi officials visited the capital on Tuesday.

Israel captured the Golan Heights in 1967.

The Iraq war began in 2003 and lasted for years.

The PKK is listed as a terrorist group by Turkey.

Aid convoys arrived in Homs last week.
"""

#: What each entity's passages contain: a passage mentions the entity when its pattern matches.
ENTITIES = {
    "daraa": r"Daraa|(?<!\w)درعا",
    "qaeda": r"Qaeda|(?<!\w)القاعدة",
    "golan": r"\bGolan\b|(?<!\w)الجولان(?!ي)",
    "jolani": r"Jolani|الجولاني",
    "isis": r"\bIS\b|Islamic State|داعش|الدولة الإسلامية",
    "nusra": r"Nusra|النصرة",
    "raqqa": r"Raqqa|الرقة",
    "hamas": r"Hamas|حماس",
    "homs": r"Homs|حمص",
    "hts": r"\bHTS\b",
    "sdf": r"\bSDF\b|قوات سوريا الديمقراطية",
    "iraq": r"\bIraq\b|(?<!\w)العراق(?!ي)",
    "pkk": r"\bPKK\b",
    "tabqa": r"Tabqa|(?:سد|مدينة) الطبقة",
}

QUERIES = [
    ("Daraa", "daraa"), ("درعا", "daraa"), ("al-Qaeda", "qaeda"), ("القاعدة", "qaeda"),
    ("Golan", "golan"), ("الجولان", "golan"), ("Jolani", "jolani"), ("الجولاني", "jolani"),
    ("ISIS", "isis"), ("ISIL", "isis"), ("IS", "isis"), ("داعش", "isis"), ("Nusra", "nusra"),
    ("النصرة", "nusra"), ("Raqqa", "raqqa"), ("الرقة", "raqqa"), ("Hamas", "hamas"), ("حماس", "hamas"),
    ("Homs", "homs"), ("حمص", "homs"), ("HTS", "hts"), ("hts", "hts"), ("SDF", "sdf"), ("sdf", "sdf"),
    ("Iraq", "iraq"), ("العراق", "iraq"), ("PKK", "pkk"), ("Tabqa", "tabqa"),
]

PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.97


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("realtext")
    pages = work / "pages"
    pages.mkdir()
    (pages / "ar.txt").write_text(ARABIC_PAGE, "utf-8")
    (pages / "en.txt").write_text(ENGLISH_PAGE, "utf-8")
    bicorpus.ingest([pages], work / "corpus", index=work / "index")
    return work


@pytest.fixture(scope="module")
def ix(built: Path):
    with bicorpus.open_index(built / "index") as index:
        yield index


@pytest.fixture(scope="module")
def passages(ix) -> dict[str, str]:
    return {p.id: p.text for p in ix.passages()}


def _truth(passages: dict[str, str], entity: str) -> set[str]:
    rx = re.compile(ENTITIES[entity])
    return {pid for pid, text in passages.items() if rx.search(text)}


def _hits(ix, query: str, **kwargs) -> set[str]:
    return {h.passage_id for h in ix.search(query, limit=500, **kwargs).hits}


def _with(passages: dict[str, str], needle: str) -> set[str]:
    return {pid for pid, text in passages.items() if needle in text}


def test_every_entity_is_in_the_pages(passages) -> None:
    assert all(_truth(passages, e) for e in ENTITIES), [e for e in ENTITIES if not _truth(passages, e)]


def test_precision_and_recall_floor_over_all_queries(ix, passages) -> None:
    hits = true = relevant = 0
    wrong: list[str] = []
    for query, entity in QUERIES:
        found, truth = _hits(ix, query), _truth(passages, entity)
        hits += len(found)
        true += len(found & truth)
        relevant += len(truth)
        wrong += [f"{query}: false {passages[p][:40]}" for p in found - truth]
        wrong += [f"{query}: missed {passages[p][:40]}" for p in truth - found]
    assert true / hits >= PRECISION_FLOOR, wrong
    assert true / relevant >= RECALL_FLOOR, wrong


@pytest.mark.parametrize(("query", "entity", "look_alikes"), [
    ("Daraa", "daraa", ("دورية", "الدائرة")), ("درعا", "daraa", ("دورية", "الدائرة")),
    ("القاعدة", "qaeda", ("قيادة", "قادة")), ("al-Qaeda", "qaeda", ("قيادة", "قادة")),
    ("Golan", "golan", ("الجولاني",)), ("الجولان", "golan", ("الجولاني", "Jolani")),
    ("ISIS", "isis", ("الأساسي",)), ("ISIL", "isis", ("الأساسي",)), ("النصرة", "nusra", ("الأنصاري",)),
    ("الرقة", "raqqa", ("Reach",)), ("Hamas", "hamas", ("حمص",)), ("حماس", "hamas", ("حمص", "Homs")),
    ("Iraq", "iraq", ("Iraqi", "عراقي")), ("العراق", "iraq", ("العراقية",)), ("PKK", "pkk", ("بوكا",)),
    ("Tabqa", "tabqa", ("الطبقة السياسية",)),
])
def test_look_alike_words_are_not_hits(ix, passages, query: str, entity: str,
                                       look_alikes: tuple[str, ...]) -> None:
    found = _hits(ix, query) - _truth(passages, entity)
    for word in look_alikes:
        assert _with(passages, word) - _truth(passages, entity), f"no passage has {word} alone"
        assert not found & _with(passages, word), f"{query} found {word}"


def test_iraq_never_finds_raqqa(ix, passages) -> None:
    raqqa = _truth(passages, "raqqa")
    for query in ("Iraq", "العراق"):
        assert not _hits(ix, query, min_confidence=0) & raqqa


def test_the_derived_switch_brings_nisba_forms_in_both_scripts(ix, passages) -> None:
    jolani = _with(passages, "الجولاني")
    assert not _hits(ix, "Golan") & jolani
    assert jolani <= _hits(ix, "Golan", derived=True)
    assert jolani <= _hits(ix, "الجولان", derived=True)
    iraqi = _with(passages, "Iraqi") | _with(passages, "عراقي")
    assert iraqi <= _hits(ix, "Iraq", derived=True)


def test_is_alone_is_the_acronym_and_is_stays_a_stopword(ix, passages) -> None:
    found = _hits(ix, "IS")
    assert _with(passages, "IS fighters") <= found
    assert not found & _with(passages, "This is what")
    with pytest.raises(QueryError):
        ix.search("is")
    both = ix.search("IS fighters", limit=50).hits
    assert [h.passage_id for h in both] and all("IS" in {m.term for m in h.matches} for h in both)


@pytest.mark.parametrize(("lower", "upper"), [("hts", "HTS"), ("sdf", "SDF")])
def test_lower_case_acronyms_expand_like_capitals(ix, lower: str, upper: str) -> None:
    assert _hits(ix, lower) == _hits(ix, upper) and _hits(ix, upper)


def test_acronyms_never_match_through_keys(ix) -> None:
    for hit in ix.search("PKK", limit=50, min_confidence=0).hits:
        assert {m.tier for m in hit.matches} <= {"exact", "normalized", "alias"}


def test_confidence_ranks_and_filters(ix, passages) -> None:
    homs = _with(passages, "حمص")
    weak = ix.search("Hamas", limit=50, min_confidence=0).hits
    assert homs & {h.passage_id for h in weak}, "with no minimum, the weak match is kept"
    weak_hit = next(h for h in weak if h.passage_id in homs and "حماس" not in h.text)
    assert weak_hit.confidence < DEFAULT_MIN_CONFIDENCE
    assert all(0.0 <= m.confidence <= 1.0 for h in weak for m in h.matches)
    tiers = [TIERS.index(h.tier) for h in weak]
    assert tiers == sorted(tiers)
    for tier in set(tiers):
        same = [h.confidence for h in weak if TIERS.index(h.tier) == tier]
        assert same == sorted(same, reverse=True), "within a tier, by confidence"
    strong = ix.search("Hamas", limit=50, min_confidence=0.95).hits
    assert all(h.confidence >= 0.95 for h in strong)
    with pytest.raises(QueryError):
        ix.search("Hamas", min_confidence=1.5)


def test_cli_min_confidence_and_json(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(built)
    runner = CliRunner()
    out = runner.invoke(cli, ["search", "Hamas", "--json", "--min-confidence", "0"])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.output)
    assert all("confidence" in h and all("confidence" in m for m in h["matches"]) for h in doc["hits"])
    default = json.loads(runner.invoke(cli, ["search", "Hamas", "--json"]).output)
    assert default["total"] < doc["total"]
    csv = runner.invoke(cli, ["search", "Hamas", "--csv"]).output.splitlines()[0]
    assert "confidence" in csv.split(",")


def test_an_index_of_the_previous_schema_asks_for_reindex(built: Path, tmp_path: Path) -> None:
    import shutil

    old = tmp_path / "index"
    shutil.copytree(built / "index", old)
    versions = json.loads((old / VERSION_FILE).read_text("utf-8"))
    versions["index_schema"] = INDEX_SCHEMA - 1
    (old / VERSION_FILE).write_text(json.dumps(versions), "utf-8")
    with pytest.raises(SearchIndexError, match="run `bicorpus reindex`") as err:
        bicorpus.open_index(old)
    assert "\n" not in str(err.value)


def test_export_by_query_takes_the_minimum_confidence(built: Path, tmp_path: Path, passages) -> None:
    from bicorpus.export import export_corpus

    def exported(**options) -> set[str]:
        out = tmp_path / f"out{len(options)}.jsonl"
        export_corpus(built / "corpus", "jsonl", out, query="Hamas", index=built / "index", card=False,
                      **options)
        return {json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()}

    homs_only = _with(passages, "حمص") - _truth(passages, "hamas")
    assert not exported() & homs_only
    assert homs_only <= exported(min_confidence=0.0)
