"""Operational record documents (itsm/records.h)."""

import copy
import json
import pathlib
import pickle

import pytest

import itsm

CORPUS = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fuzz" / "corpus" / "documents"
TYPES = {
    "call": itsm.RecordType.CALL,
    "outage": itsm.RecordType.OUTAGE,
    "backup_run": itsm.RecordType.BACKUP_RUN,
    "monitoring_check": itsm.RecordType.MONITORING_CHECK,
    "change": itsm.RecordType.CHANGE,
    "effort": itsm.RecordType.EFFORT,
    "report_delivery": itsm.RecordType.REPORT_DELIVERY,
}


def example(label):
    return CORPUS / f"record-{label.replace('_', '-')}.json"


@pytest.mark.parametrize("label", sorted(TYPES))
def test_examples_round_trip_identically(label):
    text = example(label).read_text(encoding="utf-8")
    r = itsm.Record.from_json(text)
    assert r.to_json() == text
    assert r.type is TYPES[label]
    assert r.type.label == label
    assert r.to_dict()["type"] == label
    assert itsm.Record(r.to_dict()) == r
    assert itsm.Record.from_file(example(label)) == r
    assert pickle.loads(pickle.dumps(r)) == r
    assert copy.deepcopy(r) == r
    assert hash(copy.copy(r)) == hash(r)
    assert label in repr(r)


def test_accessors():
    r = itsm.Record({"itsm_schema": 1, "type": "effort", "id": "E", "work_item": "W", "person": "P",
                     "planned_hours": 7.5, "actual_hours": 8.0})
    assert r.id == "E"
    assert r.type == itsm.RecordType.EFFORT
    d = r.to_dict()
    assert d["planned_hours"] == 7.5
    assert d["actual_hours"] == 8 and isinstance(d["actual_hours"], int)
    assert list(d) == ["itsm_schema", "type", "id", "work_item", "person", "planned_hours", "actual_hours"]
    assert r != itsm.Record(json.dumps({**d, "id": "F"}))


@pytest.mark.parametrize(
    "document, path",
    [
        ({"type": "call", "id": "X", "received_at": "2025-01-01T00:00:00Z", "itsm_schema": 1, "chanel": "x"},
         r"chanel"),
        ({"itsm_schema": 1, "type": "outage", "id": "X", "kind": "planned", "start": "2025-01-01T00:00:00Z"},
         r"\$\.kind"),
        ({"itsm_schema": 1, "type": "backup_run", "id": "X", "target": "db", "started_at": "2025-01-01T00:00:00Z",
          "size_bytes": -1}, r"\$\.size_bytes"),
        ({"itsm_schema": 1, "type": "monitoring_check", "id": "X", "target": "db",
          "checked_at": "2025-01-01T00:00:00Z", "alerted": "yes"}, r"\$\.alerted"),
        ({"itsm_schema": 1, "type": "change", "id": "X", "advisory_board": {"decision": "maybe"}},
         r"\$\.advisory_board\.decision"),
        ({"itsm_schema": 1, "type": "effort", "id": "X", "work_item": "W", "person": "P", "actual_hours": 1.1},
         r"\$\.actual_hours"),
        ({"itsm_schema": 1, "type": "report_delivery", "id": "X", "report": "r", "delivered_at": "yesterday"},
         r"\$\.delivered_at"),
        ({"itsm_schema": 1, "type": "agreement", "id": "X"}, r"\$\.type"),
    ],
)
def test_errors_name_their_path(document, path):
    with pytest.raises(itsm.Error, match=path):
        itsm.Record(document)


def test_wrong_argument_type():
    with pytest.raises(TypeError):
        itsm.Record(3)


def test_public_names():
    assert "Record" in itsm.__all__ and "RecordType" in itsm.__all__
    assert itsm.Record.__module__ == "itsm"


@pytest.mark.parametrize("label", sorted(TYPES))
def test_examples_match_the_schema(label):
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    if not hasattr(jsonschema, "Draft202012Validator"):
        pytest.skip("jsonschema too old for draft 2020-12")
    schema_path = CORPUS.parents[3] / "docs" / "schema" / f"{label}.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    document = json.loads(example(label).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    # The writer keeps the members in the schema's order.
    order = list(schema["properties"])
    assert list(document) == sorted(document, key=order.index)


# ---- record sets and JSON Lines ----------------------------------------------------------------

SET = CORPUS / "record-set.json"
JSONL = CORPUS.parents[3] / "examples" / "data" / "records.jsonl"


def test_record_set_round_trip():
    text = SET.read_text(encoding="utf-8")
    records = itsm.records_from_json(text)
    assert [r.type for r in records] == [itsm.RecordType.CALL, itsm.RecordType.OUTAGE, itsm.RecordType.CHANGE,
                                         itsm.RecordType.EFFORT]
    # each element is the record of its own example file
    for r in records:
        assert r == itsm.Record.from_file(example(r.type.label))
    assert itsm.records_to_json(records) == text
    assert itsm.records_from_json(json.loads(text)) == records
    assert itsm.records_to_json(r for r in records[:1]).count('"type": "call"') == 1
    assert itsm.records_from_json({"itsm_schema": 1, "type": "record_set", "records": []}) == []
    assert json.loads(itsm.records_to_json([])) == {"itsm_schema": 1, "type": "record_set", "records": []}


def test_record_set_errors():
    doc = json.loads(SET.read_text(encoding="utf-8"))
    doc["records"][2]["maintenance_type"] = "cosmetic"
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.records\[2\]\.maintenance_type"):
        itsm.records_from_json(doc)
    doc["records"][2] = {"id": "x"}
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.records\[2\]: missing required key \"type\""):
        itsm.records_from_json(doc)
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.type"):
        itsm.records_from_json({"itsm_schema": 1, "type": "incident_set", "records": []})
    with pytest.raises(TypeError, match="item 1 must be a Record"):
        itsm.records_to_json([itsm.Record.from_file(example("call")), "call"])


def test_read_records_jsonl(tmp_path):
    records = list(itsm.read_records_jsonl(JSONL))
    assert [r.type.label for r in records] == sorted(TYPES, key=lambda t: int(TYPES[t]))
    assert records == [itsm.Record.from_file(example(r.type.label)) for r in records]
    reader = itsm.read_records_jsonl(str(JSONL))
    assert next(reader).type is itsm.RecordType.CALL
    bad = tmp_path / "bad.jsonl"
    lines = JSONL.read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join(lines[:2] + ['{"itsm_schema": 1, "type": "call", "id": "X"}'] + lines[5:]) + "\n",
                   encoding="utf-8")
    reader = itsm.read_records_jsonl(bad)
    assert [next(reader).id for _ in range(2)] == [r.id for r in records[:2]]
    with pytest.raises(itsm.InvalidArgumentError, match=r"line 3: \$: missing required key \"received_at\""):
        next(reader)
    with pytest.raises(itsm.NotFoundError):
        next(itsm.read_records_jsonl(tmp_path / "missing.jsonl"))


def test_record_set_schema():
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    if not hasattr(jsonschema, "Draft202012Validator"):
        pytest.skip("jsonschema too old for draft 2020-12")
    schemas = CORPUS.parents[3] / "docs" / "schema"
    schema = json.loads((schemas / "record_set.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(json.loads(SET.read_text(encoding="utf-8")))
    validator.validate(json.loads(itsm.records_to_json(list(itsm.read_records_jsonl(JSONL)))))
    # an element is the record type's own schema without "itsm_schema"
    for label in TYPES:
        single = json.loads((schemas / f"{label}.schema.json").read_text(encoding="utf-8"))
        element = schema["$defs"][label]
        assert element["required"] == [k for k in single["required"] if k != "itsm_schema"]
        assert element["properties"] == {k: v for k, v in single["properties"].items() if k != "itsm_schema"}
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"itsm_schema": 1, "type": "record_set", "records": [{"id": "x"}]})
