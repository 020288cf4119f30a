"""Maturity models and assessments from Python: the built-in table, a corrected table,
assessments with next steps and summaries, JSON documents against their schemas."""

import json
import math
import pathlib
import pickle

import pytest

import itsm

ROOT = pathlib.Path(__file__).resolve().parents[3]


def test_builtin_table():
    m = itsm.MaturityModel()
    assert m.name == "jisq20000-2007-table16"
    assert [p.id for p in m.processes] == ["6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "7.2", "7.3", "8.2", "8.3",
                                           "9.1", "9.2", "10.1"]
    assert len(m.items) == 45
    item = m.item("8.2.3")
    assert item.process == "8.2"
    assert [lv.ja for lv in item.levels] == ["規定なし", "事業インパクトで分類", "事業インパクト×緊急度で分類",
                                              "事業インパクト×緊急度×難易度で分類"]
    assert m.item("6.1.1").levels[3].uncertain and m.item("6.1.1").levels[3].note
    assert m.processes[0].items == ("6.1.1", "6.1.2", "6.1.3")
    frame = m.to_frame()
    assert frame.loc["9.1.3", ["L2", "L3", "L4"]].tolist() == ["kept by hand", "partly automatic", "automatic"]
    assert frame["uncertain"].sum() > 30
    with pytest.raises(itsm.NotFoundError, match=r'"6\.1\.9"'):
        m.item("6.1.9")


def test_a_corrected_table_loads_and_round_trips():
    doc = itsm.MaturityModel().to_dict()
    doc["name"] = "table16-corrected"
    doc["processes"][11]["items"][1]["levels"][2] = {"ja": "分類基準に従い分類", "en": "classified by criteria"}
    fixed = itsm.MaturityModel(doc)
    assert fixed.item("9.2.2").levels[2] == itsm.LevelText("分類基準に従い分類", "classified by criteria", False, None)
    assert itsm.MaturityModel(fixed.to_json()) == fixed
    assert pickle.loads(pickle.dumps(fixed)) == fixed
    doc["processes"][0]["items"][0]["levels"].pop()
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.processes\[0\]\.items\[0\]\.levels: expected 4 levels"):
        itsm.MaturityModel(doc)


def test_assessment_next_steps_and_summaries():
    a = itsm.Assessment(levels={"6.1.1": (2, 3), "6.1.2": (3, 3), "6.1.3": (1, 3), "8.2.3": 4})
    r = a.item("6.1.1")
    assert (r.level, r.target, r.meets_target, r.next_level) == (2, 3, False, 3)
    assert r.next_step.label("en") == "concluded for every service"
    assert a.item("8.2.3").next_level == 0 and a.item("8.2.3").next_step.ja is None
    s = a.process("6.1")
    assert (s.items, s.assessed, s.level, s.highest, s.mean_level) == (3, 3, 1, 3, 2.0)
    assert s.at_level == (1, 1, 1, 0) and (s.with_target, s.below_target) == (3, 2)
    assert math.isnan(a.process("6.2").mean_level)
    overall = a.overall()
    assert (overall.items, overall.assessed, overall.level, overall.mean_level) == (45, 4, 1, 2.5)
    frame = a.to_frame()
    assert frame.loc["6.1.3", ["level", "next_level", "next_step"]].tolist() == [1, 2, "reviewed in part"]
    procs = a.process_frame()
    assert procs.loc["6.1", "level"] == 1 and procs.loc["8.2", "highest"] == 4
    with pytest.raises(itsm.InvalidArgumentError, match="level: 5 is not a level"):
        a.set("6.1.1", 5)
    with pytest.raises(itsm.NotFoundError):
        a.process("11.1")


def test_assessment_documents():
    m = itsm.MaturityModel()
    doc = {"itsm_schema": 1, "type": "maturity_assessment", "model": m.name, "assessed_on": "2024-05-01",
           "items": [{"item": "9.1.4", "level": 2, "target": 4, "note": "stocktaking in spring only"}]}
    a = itsm.Assessment(m, doc)
    assert a.to_dict() == doc
    assert pickle.loads(pickle.dumps(a)).to_json() == a.to_json()
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.items\[0\]\.item: \"1\.2\.3\" is not an item"):
        itsm.Assessment(m, {**doc, "items": [{"item": "1.2.3", "level": 1}]})
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.model"):
        itsm.Assessment(m, {**doc, "model": "cmmi"})


@pytest.mark.parametrize("label, document", [
    ("maturity_model", lambda: itsm.MaturityModel().to_dict()),
    ("maturity_assessment", lambda: itsm.Assessment(levels={"6.1.1": (2, 3), "10.1.4": 1}).to_dict()),
])
def test_documents_match_their_schema(label, document):
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    if not hasattr(jsonschema, "Draft202012Validator"):
        pytest.skip("jsonschema too old for draft 2020-12")
    schema = json.loads((ROOT / "docs" / "schema" / f"{label}.schema.json").read_text(encoding="utf-8"))
    doc = document()
    jsonschema.Draft202012Validator(schema).validate(doc)
    assert list(doc) == [k for k in schema["properties"] if k in doc]  # writer keeps schema order
