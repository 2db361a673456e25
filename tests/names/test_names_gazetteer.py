"""The alias gazetteer: shipped entities, user files, finding aliases in token runs."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bicorpus.errors import AliasFileError
from bicorpus.names import Gazetteer, Mention
from bicorpus.normalize import tokenize


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def found(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    tokens = [t.text for t in tokenize(text)]
    return [(m.entity_id, " ".join(tokens[m.start:m.end])) for m in gaz.find(tokens)]


def ids(gaz: Gazetteer, text: str) -> list[str]:
    return [eid for eid, _ in found(gaz, text)]


@pytest.mark.parametrize("text", [
    "ISIS", "ISIL", "IS", "Daesh", "Da'esh", "the Islamic State", "داعش", "الدولة الإسلامية", "تنظيم الدولة",
    "ISIS's fighters", "ISIS’ agreement", "ISIS-controlled areas", "مقاتلو داعش", "ضد داعش", "لداعش",
])
def test_isis_aliases(gaz: Gazetteer, text: str) -> None:
    assert "isis" in ids(gaz, text)


@pytest.mark.parametrize("text, entity", [
    ("al-Nusra Front", "nusra"), ("Jabhat al-Nusra", "nusra"), ("an-Nusrah", "nusra"),
    ("al Nusrah Front", "nusra"),
    ("جبهة النصرة", "nusra"), ("والنصرة", "nusra"), ("بالنصرة", "nusra"), ("للنصرة", "nusra"),
    ("Jabhat Fateh al-Sham", "jfs"), ("Jabhat Fatah ash-Sham", "jfs"), ("JFS", "jfs"),
    ("جبهة فتح الشام", "jfs"),
    ("Hay'at Tahrir al-Sham", "hts"), ("Hay’at Tahrir ash-Sham", "hts"), ("Hayat Tahrir al-Sham", "hts"),
    ("HTS", "hts"), ("هيئة تحرير الشام", "hts"),
    ("al-Qaeda", "qaeda"), ("al-Qaida", "qaeda"), ("Al Qa'ida", "qaeda"), ("القاعدة", "qaeda"),
    ("Syrian Democratic Forces", "sdf"), ("SDF", "sdf"), ("قوات سوريا الديمقراطية", "sdf"),
    ("قوات سوريا الديموقراطية", "sdf"), ("الولايات المتحدة الأميركية", "united-states"),
    ("Free Syrian Army", "fsa"), ("FSA", "fsa"), ("الجيش السوري الحر", "fsa"),
    ("Damascus", "damascus"), ("دمشق", "damascus"), ("Euphrates", "euphrates"), ("الفرات", "euphrates"),
    ("Levant", "levant"), ("الشام", "levant"), ("Aleppo", "aleppo"), ("حلب", "aleppo"),
    ("Bashar al-Assad", "assad"), ("الأسد", "assad"), ("Raqqa", "raqqa"), ("Raqqah", "raqqa"),
    ("الرقة", "raqqa"),
    ("Deir ez-Zor", "deir-ez-zor"), ("Deir al-Zour", "deir-ez-zor"), ("Dayr az-Zawr", "deir-ez-zor"),
    ("دير الزور", "deir-ez-zor"), ("Mosul", "mosul"), ("الموصل", "mosul"), ("Homs", "homs"), ("حمص", "homs"),
    ("Hama", "hama"), ("حماة", "hama"), ("Idlib", "idlib"), ("إدلب", "idlib"), ("ادلب", "idlib"),
    ("Qalamoun", "qalamoun"), ("Qalamun", "qalamoun"), ("القلمون", "qalamoun"),
    ("Eastern Ghouta", "eastern-ghouta"), ("الغوطة الشرقية", "eastern-ghouta"), ("Iraq", "iraq"),
    ("العراق", "iraq"), ("Syria", "syria"), ("سوريا", "syria"), ("سورية", "syria"),
    ("Hezbollah", "hezbollah"),
    ("Hizballah", "hezbollah"), ("حزب الله", "hezbollah"), ("Hamas", "hamas"), ("حماس", "hamas"),
    ("Jaish al-Islam", "jaish-islam"), ("جيش الإسلام", "jaish-islam"), ("Ahrar al-Sham", "ahrar-sham"),
    ("أحرار الشام", "ahrar-sham"), ("Abu Bakr al-Baghdadi", "baghdadi"), ("البغدادي", "baghdadi"),
])
def test_entities_in_both_scripts(gaz: Gazetteer, text: str, entity: str) -> None:
    assert ids(gaz, text) == [entity], found(gaz, text)


@pytest.mark.parametrize("text", [
    "this is it", "what is going on", "The hts file", "ships and boats", "sdf", "Is it?",
    "the state of things",
    "he opened the door", "Iraqi", "الشباب", "فتح الباب", "حليب", "هم",
])
def test_no_false_aliases(gaz: Gazetteer, text: str) -> None:
    assert ids(gaz, text) == [], found(gaz, text)


def test_acronym_only_in_capitals(gaz: Gazetteer) -> None:
    assert ids(gaz, "IS fighters") == ["isis"]
    assert ids(gaz, "it is") == []
    assert ids(gaz, "Hts") == []


def test_predecessor_and_successor_kept_distinct(gaz: Gazetteer) -> None:
    nusra, jfs, hts = gaz.entity("nusra"), gaz.entity("jfs"), gaz.entity("hts")
    assert ("successor", "jfs") in nusra.related
    assert ("predecessor", "nusra") in jfs.related and ("successor", "hts") in jfs.related
    assert ("predecessor", "jfs") in hts.related
    assert ids(gaz, "Jabhat Fateh al-Sham") == ["jfs"]
    assert ids(gaz, "Hay'at Tahrir al-Sham") == ["hts"]


def test_longest_leftmost_and_spans(gaz: Gazetteer) -> None:
    text = "leaders of ISIS and Hay'at Tahrir al-Sham, the front of al-Nusra Front."
    tokens = [t.text for t in tokenize(text)]
    mentions = gaz.find(tokens)
    assert [m.entity_id for m in mentions] == ["isis", "hts", "nusra"]
    hts = mentions[1]
    assert tokens[hts.start:hts.end] == ["Hay'at", "Tahrir", "al", "Sham"]
    nusra = mentions[2]
    assert tokens[nusra.start:nusra.end] == ["al", "Nusra", "Front"]
    assert isinstance(nusra, Mention) and nusra.alias


def test_spelled_match_beats_key_match(gaz: Gazetteer) -> None:
    # Homs and Hamas share a consonant skeleton; the spelled-out alias wins.
    assert ids(gaz, "Homs") == ["homs"]
    assert ids(gaz, "Hamas") == ["hamas"]


def test_seed_page_mentions(gaz: Gazetteer) -> None:
    root = Path(__file__).resolve().parents[2]
    text = (root / "seeds" / "000_365465f9b8a3ec32.txt").read_text("utf-8")
    seen = set(ids(gaz, text))
    assert {"isis", "nusra", "hts", "jfs", "qaeda", "raqqa", "mosul", "iraq", "damascus", "qalamoun",
            "deir-ez-zor", "eastern-ghouta", "sdf", "fsa", "assad", "baghdadi", "euphrates"} <= seen


def test_user_file_adds_entities_and_names(tmp_path: Path) -> None:
    path = tmp_path / "mine.txt"
    path.write_text("# mine\n[jaysh-fatah]\ntype: organization\nen: Jaysh al-Fatah | Army of Conquest\n"
                    "ar: جيش الفتح\n\n[isis]\nen: Tanzim\n", encoding="utf-8")
    gaz = Gazetteer.load([path])
    assert ids(gaz, "Jaish al-Fateh fighters") == ["jaysh-fatah"]
    assert ids(gaz, "جيش الفتح") == ["jaysh-fatah"]
    assert ids(gaz, "Tanzim") == ["isis"]
    assert ids(gaz, "ISIS") == ["isis"]
    assert ids(Gazetteer.load(), "Tanzim") == []  # the shipped gazetteer is untouched


@pytest.mark.parametrize("content, message", [
    ("en: Orphan\n", "before the first"),
    ("[x]\nname: X\n", "unknown field 'name'"),
    ("[x]\nen X\n", "expected '[entity-id]'"),
    ("[Bad Id]\nen: X\n", "bad entity id"),
    ("[x]\ntype: planet\nen: X\n", "type must be one of"),
    ("[x]\nacronym: Isis\n", "must be one word in capitals"),
    ("[x]\nen: داعش\n", "not in Latin script"),
    ("[x]\nar: Daesh\n", "not in Arabic script"),
    ("[x]\nen: X\nrelated: successor nowhere\n", "'nowhere' is not defined"),
    ("[x]\ntype: person\n", "has no names"),
    ("[x]\nen:\n", "has no value"),
    ("[x]\nen: al\n", "only an article"),
])
def test_malformed_files_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("# header\n" + content, encoding="utf-8")
    with pytest.raises(AliasFileError) as err:
        Gazetteer.load([path])
    assert message in str(err.value)
    assert str(err.value).startswith(f"{path}:")
    assert "\n" not in str(err.value)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(AliasFileError, match="not found"):
        Gazetteer.load([tmp_path / "missing.txt"])
    (tmp_path / "latin1.txt").write_bytes("[x]\nen: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(AliasFileError, match="not UTF-8"):
        Gazetteer.load([tmp_path / "latin1.txt"])


def test_lookup_whole_name(gaz: Gazetteer) -> None:
    assert [e.id for e in gaz.lookup("an-Nusrah")] == ["nusra"]
    assert [e.id for e in gaz.lookup("جبهة النصرة")] == ["nusra"]
    assert gaz.lookup("Nusra fighters") == []


_WORDS = st.sampled_from(["al", "ال", "Nusra", "النصرة", "Front", "ISIS", "is", "Hay'at", "Tahrir", "Sham",
                          "الشام", "هيئة", "تحرير", "Deir", "ez", "Zor", "دير", "الزور", "and", "the", "و"])


@given(st.lists(st.one_of(_WORDS, st.text(max_size=8)), max_size=30))
def test_find_is_total_and_mentions_do_not_overlap(tokens: list[str]) -> None:
    mentions = Gazetteer.load().find(tokens)
    spans: list[tuple[int, int]] = []
    for m in mentions:
        assert 0 <= m.start < m.end <= len(tokens)
        assert not spans or m.start >= spans[-1][1] or (m.start, m.end) == spans[-1]
        spans.append((m.start, m.end))


def test_any_case_for_typed_queries(gaz: Gazetteer) -> None:
    assert ids(gaz, "nousra") == []  # running text: a lower-case word is not a name variant
    assert ids(gaz, "Nousra") == ["nusra"]
    assert [m.entity_id for m in gaz.find(["nousra"], any_case=True)] == ["nusra"]
    assert gaz.find(["is"], any_case=True) == []  # acronyms still need their capitals
    assert [e.id for e in gaz.lookup("nousra front")] == ["nusra"]


@pytest.mark.parametrize("text, entity", [
    ("Deir Ezzour", "deir-ez-zor"), ("Arraqqa", "raqqa"), ("Alnusra Front", "nusra"), ("Ashsham", "levant"),
])
def test_article_attached_in_latin(gaz: Gazetteer, text: str, entity: str) -> None:
    assert ids(gaz, text) == [entity]


def test_attached_article_needs_a_capital_in_running_text(gaz: Gazetteer) -> None:
    assert ids(gaz, "arraqqa") == []
    assert ids(gaz, "Albania") == []


@pytest.mark.parametrize("text", [
    "Kids Return To School", "Homes were destroyed", "Between the lines", "Garden party",
    "Remedy for the crisis", "Singer dies", "Assert the point", "Python code", "Sweden", "Tennessee",
])
def test_common_english_words_are_not_name_variants(gaz: Gazetteer, text: str) -> None:
    assert ids(gaz, text) == [], found(gaz, text)


def test_country_names() -> None:
    gaz = Gazetteer.load()
    for text, entity in [("Sudan", "sudan"), ("السودان", "sudan"), ("UK", "united-kingdom"), ("EU", "eu"),
                         ("الاتحاد الأوروبي", "eu"), ("Tunisia", "tunisia"), ("تونس", "tunisia")]:
        assert ids(gaz, text) == [entity], text


def test_common_word_list_keeps_real_spellings(gaz: Gazetteer) -> None:
    assert ids(gaz, "Kobane") == ["kobani"]
    assert ids(gaz, "Arraqqa") == ["raqqa"]


def test_entities_handed_out_are_copies() -> None:
    gaz = Gazetteer.load()
    gaz.entity("isis").names.append(("Nonsense", "en"))
    assert ("Nonsense", "en") not in Gazetteer.load().entity("isis").names
