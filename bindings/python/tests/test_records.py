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
