"""The analysis chain: per-field forms, names never stemmed, keys aligned across scripts."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bicorpus.index.analysis import (
    NameModel,
    analyze,
    decode_mentions,
    encode_mentions,
    index_analysis,
    light_stem_ar,
    stopwords,
    word_forms,
    word_info,
)
from bicorpus.normalize import tokenize


def test_vowelled_arabic_stays_one_token_with_diacritic_free_norm(fake_names: NameModel) -> None:
    an = analyze("قالَ مُقاتِلو جَبْهَةِ النُّصْرَةِ", fake_names)
    assert [t.text for t in an.tokens] == ["قالَ", "مُقاتِلو", "جَبْهَةِ", "النُّصْرَةِ"]
    assert an.exact[3] == "النُّصْرَةِ"
    assert an.norm[3] == "النصره"


def test_english_words_are_stemmed_but_names_are_not(fake_names: NameModel) -> None:
    an = analyze("The negotiations near Hamas ended. Negotiators met in Hama.", fake_names)
    forms = dict(zip([t.text for t in an.tokens], an.stem, strict=True))
    assert forms["negotiations"] == "negoti"
    assert forms["Negotiators"] == "negoti"  # capitalized at a sentence start: an ordinary word
    assert forms["Hamas"] == "hamas"  # capitalized inside a sentence: a name, never stemmed
    assert forms["Hama"] == "hama"


def test_in_a_query_every_capitalized_word_is_a_name(fake_names: NameModel) -> None:
    assert analyze("Hamas", fake_names, query=True).stem == ("hamas",)
    assert analyze("negotiations", fake_names, query=True).stem == ("negoti",)


def test_words_inside_gazetteer_mentions_are_not_stemmed(fake_names: NameModel) -> None:
    an = analyze("قاتل المقاتلون جبهة النصرة", fake_names)
    assert an.mentions and an.mentions[0].entity == "nusra"
    assert an.stem[2:] == an.norm[2:] == ("جبهه", "النصره")
    assert an.stem[1] == "مقاتل"  # an ordinary word loses its suffix


def test_arabic_light_stem_keeps_three_letters() -> None:
    assert light_stem_ar("والمقاتلون") == "مقاتل"
    assert light_stem_ar("بالمدينه") == "مدين"
    assert light_stem_ar("وهم") == "وهم"  # too short to strip


def test_key_positions_skip_articles_so_scripts_line_up(fake_names: NameModel) -> None:
    latin = analyze("Jabhat Fateh al-Sham", fake_names).field_terms()["key"]
    arabic = analyze("جبهة فتح الشام", fake_names).field_terms()["key"]
    assert len(latin) == 3  # "al" has no key and no position
    assert latin == arabic


def test_field_terms_are_positional_per_token(fake_names: NameModel) -> None:
    terms = analyze("ISIS and al-Nusra", fake_names).field_terms()
    assert terms["form"] == [("isis",), ("and",), ("al",), ("nusra",)]
    assert terms["ent"] == [("isis",), ("nusra",)]


def test_word_forms_fold_case_and_marks() -> None:
    forms = word_forms("Nuṣrā")
    assert (forms.exact, forms.norm) == ("nuṣrā", "nusra")
    assert forms.capitalized and not forms.capitals
    assert word_forms("HTS").capitals


def test_stopwords_cover_both_scripts() -> None:
    assert {"the", "of", "في", "من"} <= stopwords()


def test_only_name_like_words_get_keys(fake_names: NameModel) -> None:
    an = analyze("Fighters went home to Hama and حماة", fake_names)
    keyed = {t.text for t, k in zip(an.tokens, an.keys, strict=True) if k}
    assert keyed == {"Fighters", "Hama", "حماة"}  # not "home", not stopwords
    assert analyze("home", fake_names, query=True).keys == (("hm",),)  # a query word always has keys


def test_form_terms_cover_each_tier_once() -> None:
    from bicorpus.index.analysis import FORM_CLASSES, form_alternatives, form_terms

    cases = [("nusra", "nusra", "nusra"), ("talks", "talks", "talk"), ("الأسد", "الاسد", "الاسد"),
             ("والمقاتلون", "والمقاتلون", "مقاتل"), ("الأَسَد", "الاسد", "اسد")]
    covers = dict(FORM_CLASSES)
    for e, n, s in cases:
        terms = form_terms(e, n, s)
        for tier, value in (("exact", e), ("normalized", n), ("stem", s)):
            hits = [t for t in terms if t in form_alternatives(e, n, s, {tier})]
            assert len(hits) == 1, (e, tier, terms)
            assert hits[0].lstrip("+=*~>") == value and tier in covers[hits[0][: len(hits[0]) - len(value)]]
    # a word written differently meets the normalized form but not the exact one
    assert not set(form_terms("الأسد", "الاسد", "الاسد")) & set(form_alternatives("الاسد", "الاسد", "الاسد",
                                                                                   {"exact"}))
    assert set(form_terms("الأسد", "الاسد", "الاسد")) & set(form_alternatives("الاسد", "الاسد", "الاسد",
                                                                               {"normalized"}))


def test_multi_word_mentions_get_single_name_terms(fake_names: NameModel) -> None:
    from bicorpus.index.analysis import name_key_joins, name_terms

    an = analyze("قاتلت جبهة النصرة", fake_names)
    names = an.field_terms()["name"]
    assert len(names) == 1  # one multi-word mention
    assert "=جبهة_النصرة" in names[0] and "~جبهه_النصره" in names[0]
    assert "#" + "_".join(k[0] for k in an.keys[1:]) in names[0]
    assert analyze("ISIS", fake_names).field_terms()["name"] == []  # one word: the form field serves it
    assert name_terms(("deir", "al", "zour"), ("deir", "al", "zour"), (("dr",), (), ("zr",))) == (
        "deir_al_zour", "#dr_zr")
    assert len(name_key_joins([("a", "b")] * 8)) == 16  # combinations are capped


def test_common_english_words_get_no_keys_even_capitalized(fake_names: NameModel) -> None:
    from dataclasses import replace

    names = replace(fake_names, is_common_word=lambda w: w.casefold() in {"homes", "between"})
    an = analyze("Homes in Homs. Between Hama and حماة", names)
    keyed = {t.text for t, k in zip(an.tokens, an.keys, strict=True) if k}
    assert keyed == {"Homs", "Hama", "حماة"}
    assert analyze("Homes", names, query=True).keys != ((),)  # a query word keeps its keys


@given(st.text(alphabet=st.sampled_from(list("abc ABC.\n-'’•:النصرةَُِّ ")), max_size=60))
@settings(max_examples=300, deadline=None)
def test_tokens_and_offsets_are_the_tokenizers(text: str) -> None:
    an = analyze(text)
    assert an.tokens == tuple(tokenize(text))
    assert all(text[t.start:t.end] == t.text for t in an.tokens)
    assert (an.field_terms(), encode_mentions(an.mentions)) == index_analysis(text)


def test_a_memoized_word_is_the_word_analysed_afresh(fake_names: NameModel) -> None:
    for word in ("Nusra", "the", "النصرة", "negotiations", "ISIS", "Homes"):
        assert fake_names.word(word) == word_info(word, fake_names)
        assert fake_names.word(word) is fake_names.word(word)


def test_sentence_breaks_decide_which_capitalized_words_are_names(fake_names: NameModel) -> None:
    an = analyze("Talks began • Talks ended: Talks resumed with Talks", fake_names)
    assert an.stem == ("talk", "began", "talk", "end", "talk", "resum", "with", "talks")


def test_stored_mentions_replace_the_gazetteer_scan(fake_names: NameModel) -> None:
    text = "Fighters of Jabhat al-Nusra and ISIS"
    scanned = analyze(text, fake_names)
    stored = decode_mentions(index_analysis(text, fake_names)[1])
    assert stored == scanned.mentions and stored
    given = analyze(text, fake_names, mentions=stored)
    assert given.field_terms() == scanned.field_terms()
    assert (given.stem, given.keys) == (scanned.stem, scanned.keys)
    # mentions that cannot belong to the text are ignored: the gazetteer is scanned instead
    assert analyze(text, fake_names, mentions=decode_mentions("4:99:isis")).mentions == scanned.mentions


_PASSAGE_WORDS = ["the", "city", "of", "town", "province", "governorate", "camp", "Daraa", "Raqqa", "Reach",
                  "reach", "patrol", "Nusra", "Front", "al-Nusra", "Jabhat", "Homes", "Homs", "ISIS", "Deir",
                  "ez-Zor", "said", ".", ",", "\n", "•", ":",
                  "محافظة", "مدينة", "بمدينة", "درعا", "دورية", "الرقة", "جبهة", "النصرة", "داعش", "قيادة",
                  "القاعدة", "في", "قال", "دير", "الزور", "،"]


@given(st.lists(st.sampled_from(_PASSAGE_WORDS), max_size=25))
@settings(max_examples=300, deadline=None)
def test_the_index_path_gives_the_terms_of_the_full_analysis(words: list[str]) -> None:
    # the index path applies the context rules (cue words, names mid-sentence, gazetteer names) to
    # the terms directly: it must give what the full analysis gives, on passages that hold them
    text = " ".join(words)
    an = analyze(text)
    assert (an.field_terms(), encode_mentions(an.mentions)) == index_analysis(text)
