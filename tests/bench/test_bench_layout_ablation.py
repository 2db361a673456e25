"""bench/layout_ablation.py: a rule switched off is scored against the pages as they are."""

from __future__ import annotations

import json
from pathlib import Path

import layout_ablation
import layout_eval
import pytest

# Two pages signed under their last paragraph by a news outlet's name (boilerplate), one English,
# one Arabic; a third page with no signature, which no outlet rule can change.
PAGES = {
    "en.txt": ("Ceasefire talks resume in Doha", [
        ("title", "Ceasefire talks resume in Doha"),
        ("body", "Negotiators from both sides met on Tuesday in Doha to resume talks on a ceasefire, "
                 "officials said, after weeks of delays and mutual accusations over the terms of a "
                 "prisoner exchange."),
        ("body", "The talks are expected to last several days, according to two diplomats briefed on "
                 "the meetings, who spoke on condition of anonymity because they were not authorised."),
        ("boilerplate", "Gulf News Agency"),
    ]),
    "ar.txt": ("استئناف المحادثات في مسقط", [
        ("title", "استئناف المحادثات في مسقط"),
        ("body", "استأنف المفاوضون من الجانبين يوم الثلاثاء في مسقط محادثاتهم بشأن وقف إطلاق النار، "
                 "بحسب ما قال مسؤولون، بعد أسابيع من التأخير والاتهامات المتبادلة حول شروط تبادل الأسرى."),
        ("body", "ومن المتوقع أن تستمر المحادثات عدة أيام، وفقا لدبلوماسيين اثنين اطلعا على الاجتماعات، "
                 "وتحدثا شرط عدم الكشف عن هويتهما لأنهما غير مخولين بالحديث."),
        ("boilerplate", "وكالة الأنباء العمانية"),
    ]),
    "plain.txt": ("Rains flood the valley", [
        ("title", "Rains flood the valley"),
        ("body", "Heavy rains flooded the valley overnight, cutting the main road and forcing hundreds "
                 "of families to leave their homes for schools on higher ground, local officials said."),
        ("body", "Rescue teams worked through the morning to reach villages cut off by the water, and "
                 "the authorities said more rain was expected later in the week across the region."),
    ]),
}


@pytest.fixture
def devdir(tmp_path: Path) -> Path:
    folder = tmp_path / "set1"
    folder.mkdir()
    annotations = {}
    for name, (title, lines) in PAGES.items():
        (folder / name).write_text("\n".join(text for _, text in lines) + "\n", encoding="utf-8")
        annotations[name] = {"site": "example.org", "title": title, "date": None,
                             "lines": [{"label": label, "text": text} for label, text in lines]}
    (folder / "annotations.json").write_text(json.dumps(annotations, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_page_scores_sum_to_the_folder_scores(devdir: Path) -> None:
    folder = devdir / "set1"
    pages = layout_eval.page_scores(folder)
    assert [name for name, _ in pages] == sorted(PAGES)
    total = layout_eval.Scores()
    for _, s in pages:
        total.add(s)
    assert total.figures() == layout_eval.score_folder(folder, False).figures()


def test_outlet_rule_off_lets_both_signatures_in(devdir: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ablation.json"
    assert layout_ablation.main([str(devdir), "--rules", "_mark_outlet_signature,_mark_listing_tags",
                                 "--json", str(out), "--jobs", "1"]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["baseline"]["set1"]["boilerplate_in"] == 0.0
    outlet = result["rules"]["_mark_outlet_signature"]["set1"]
    assert outlet["boilerplate_in"] == -1.0  # the rule keeps both signatures out of the article
    assert (outlet["better"], outlet["worse"]) == (2, 0)  # the page without one is unchanged
    idle = result["rules"]["_mark_listing_tags"]["set1"]
    assert (idle["better"], idle["worse"], idle["body_f1"]) == (0, 0, 0.0)
    summary = {s["rule"]: s for s in result["summary"]}
    assert summary["_mark_outlet_signature"]["net"] == 2 and summary["_mark_outlet_signature"]["calls"] >= 3
    printed = capsys.readouterr().out
    assert "DROP?" in printed.splitlines()[-1] and printed.splitlines()[-1].startswith("_mark_listing_tags")


def test_compare_counts_a_mixed_page_on_both_sides() -> None:
    # pages, title_ok, date_ok, header, header_out, boilerplate, boilerplate_in, body tp, fp, fn
    with_rule = {"p": [1, 1, 1, 2, 2, 1, 0, 5, 1, 0]}   # title right, one body line too many
    without = {"p": [1, 0, 1, 2, 2, 1, 0, 5, 0, 0]}     # title wrong, body exact
    assert layout_ablation.compare(with_rule, without) == (1, 1)
    assert layout_ablation.compare(with_rule, with_rule) == (0, 0)


def test_unknown_rule_is_one_line_error(devdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert layout_ablation.main([str(devdir), "--rules", "no_such_rule"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("--rules: unknown rule(s) no_such_rule") and len(err.strip().splitlines()) == 1


def test_every_rule_in_the_table_is_a_function_there() -> None:
    import importlib

    for rule in layout_ablation.RULES:
        for module in (rule.module, *rule.also):
            assert callable(getattr(importlib.import_module(module), rule.name)), rule.name
        assert rule.off in layout_ablation.NEUTRAL
