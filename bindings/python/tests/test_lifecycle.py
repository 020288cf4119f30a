"""Configuration items, pending items and itsm.expiring(): fields, history across a
change of owner, the sorted query, documents round-tripping identically, JSON-path errors
and the JSON Schemas."""

import copy
import datetime
import json
import os
import pathlib
import pickle

import pytest

import itsm

SCHEMA_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "..", "docs", "schema")
UTC = datetime.timezone.utc
D = datetime.date

CI_DOC = {
    "itsm_schema": 1, "type": "configuration_item", "id": "srv-01", "name": "業務サーバ1", "model": "PX-2000",
    "serial": "SN-123", "location": "DC1 rack 4", "maintenance_contract": "MC-2024-01",
    "warranty_end": "2025-03-31", "parts_supply_end": "2029-03-31", "product_life_end": "2030-03-31",
    "support_end": "2027-10-14",
}

PENDING_DOC = {
    "itsm_schema": 1, "type": "pending_item", "id": "P-7", "title": "Re-test batch after OS update",
    "owner": "suzuki", "status": "in_progress", "trigger_event": "OS version-up of server X",
    "history": [
        {"at": "2024-04-01T00:00:00Z", "owner": "tanaka", "status": "open"},
        {"at": "2024-05-01T00:00:00Z", "owner": "suzuki", "status": "open", "note": "異動"},
        {"at": "2024-05-02T00:00:00Z", "owner": "suzuki", "status": "in_progress"},
    ],
}


def utc(*fields):
    return datetime.datetime(*fields, tzinfo=UTC)


def test_configuration_item_fields():
    ci = itsm.ConfigurationItem("srv-01", model="PX-2000", warranty_end="2025-03-31")
    assert ci.id == "srv-01"
    assert ci.model == "PX-2000"
    assert ci.warranty_end == D(2025, 3, 31)
    assert ci.support_end is None and ci.serial is None
    ci.support_end = D(2027, 10, 14)
    ci.location = "DC1"
    ci.warranty_end = None
    assert ci.to_dict() == {"itsm_schema": 1, "type": "configuration_item", "id": "srv-01", "model": "PX-2000",
                            "location": "DC1", "support_end": "2027-10-14"}
    with pytest.raises(TypeError, match="unexpected field 'warranty'"):
        itsm.ConfigurationItem("x", warranty="2025-01-01")
    with pytest.raises(itsm.RangeError, match="support_end"):
        ci.support_end = (2025, 2, 30)
    with pytest.raises(itsm.InvalidArgumentError, match="1..255 bytes"):
        itsm.ConfigurationItem("")


def test_pending_item_history_survives_owner_change():
    p = itsm.PendingItem("P-1", "Replace UPS battery", "tanaka", utc(2024, 4, 1), due="2024-06-30")
    assert p.status is itsm.PendingStatus.OPEN
    assert p.due == D(2024, 6, 30) and p.trigger_event is None
    p.set_status("in_progress", utc(2024, 4, 2))
    p.set_owner("suzuki", utc(2024, 5, 1), note="transfer")
    assert p.owner == "suzuki"
    assert p.status is itsm.PendingStatus.IN_PROGRESS
    assert p.history == [
        itsm.PendingChange(int(utc(2024, 4, 1).timestamp()), "tanaka", itsm.PendingStatus.OPEN, None),
        itsm.PendingChange(int(utc(2024, 4, 2).timestamp()), "tanaka", itsm.PendingStatus.IN_PROGRESS, None),
        itsm.PendingChange(int(utc(2024, 5, 1).timestamp()), "suzuki", itsm.PendingStatus.IN_PROGRESS, "transfer"),
    ]
    with pytest.raises(itsm.InvalidArgumentError, match="before the last history entry"):
        p.set_owner("sato", utc(2024, 4, 30))
    assert p.owner == "suzuki" and len(p.history) == 3
    p.trigger_event = "OS version-up of server X"
    assert p.due is None
    p.due = "2024-07-31"
    assert p.trigger_event is None
    with pytest.raises(ValueError, match="not both"):
        itsm.PendingItem("P-2", "t", "o", 0, due="2024-01-01", trigger_event="e")
    with pytest.raises(ValueError, match="not a status"):
        p.set_status("done", utc(2024, 6, 1))


def test_round_trips_identical():
    for cls, doc in ((itsm.ConfigurationItem, CI_DOC), (itsm.PendingItem, PENDING_DOC)):
        item = cls.from_json(doc)
        text = item.to_json()
        again = cls.from_json(text)
        assert again.to_json() == text
        assert again == item
        assert json.loads(text) == doc
        assert pickle.loads(pickle.dumps(item)) == item
        clone = copy.copy(item)
        assert clone == item and clone is not item


def test_errors_name_their_json_path():
    bad = dict(CI_DOC, warranty_end="2025-02-30")
    with pytest.raises(itsm.RangeError, match=r"^\$\.warranty_end: "):
        itsm.ConfigurationItem.from_json(bad)
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.warranty: unknown key"):
        itsm.ConfigurationItem.from_json(dict(CI_DOC, warranty="x"))
    with pytest.raises(itsm.VersionError, match=r"\$\.itsm_schema: version 2"):
        itsm.ConfigurationItem.from_json(dict(CI_DOC, itsm_schema=2))
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.type: \"pending_item\" is not"):
        itsm.ConfigurationItem.from_json(dict(CI_DOC, type="pending_item"))
    history = [dict(e) for e in PENDING_DOC["history"]]
    history[1]["at"] = "2024-03-01T00:00:00Z"
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.history\[1\]\.at: "):
        itsm.PendingItem.from_json(dict(PENDING_DOC, history=history))
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.history\[2\]: the last history entry"):
        itsm.PendingItem.from_json(dict(PENDING_DOC, owner="sato"))
    with pytest.raises(itsm.ParseError, match="line 1"):
        itsm.PendingItem.from_json('{"itsm_schema": 1,')


def test_expiring_sorted_with_overdue():
    a = itsm.ConfigurationItem("srv-a", warranty_end="2024-03-31", support_end="2024-06-30",
                               parts_supply_end="2030-01-01")
    b = itsm.ConfigurationItem("srv-b", product_life_end="2024-06-30", warranty_end="2024-06-30")
    t0 = utc(2024, 1, 1)
    p1 = itsm.PendingItem("P-1", "Budget renewal", "tanaka", t0, due="2024-04-01")
    p2 = itsm.PendingItem("P-2", "Re-test", "suzuki", t0, trigger_event="OS version-up of server X")
    p3 = itsm.PendingItem("P-3", "Unscheduled", "sato", t0, trigger_event="never dated")
    p4 = itsm.PendingItem("P-4", "Done", "sato", t0, due="2024-04-02")
    p4.set_status(itsm.PendingStatus.CLOSED, t0)
    due = itsm.expiring([b, a, p4, p3, p2, p1], D(2024, 4, 1), 91,
                        contract_ends=[("MC-2024-01", "2024-05-31"), ("MC-2030", D(2030, 3, 31))],
                        events={"OS version-up of server X": "2024-04-15"})
    K = itsm.DueKind
    assert [(d.kind, d.subject, d.days_left, d.overdue) for d in due] == [
        (K.WARRANTY, "srv-a", -1, True),
        (K.PENDING_DATE, "P-1", 0, False),
        (K.PENDING_EVENT, "P-2", 14, False),
        (K.CONTRACT_END, "MC-2024-01", 60, False),
        (K.WARRANTY, "srv-b", 90, False),
        (K.PRODUCT_LIFE, "srv-b", 90, False),
        (K.SUPPORT_END, "srv-a", 90, False),
    ]
    assert due[2].detail == "OS version-up of server X" and due[2].date == D(2024, 4, 15)
    assert due[1].detail == "Budget renewal"
    assert K.PARTS_SUPPLY.label == "parts_supply"
    # A datetime as of: its own local date.
    jst = datetime.timezone(datetime.timedelta(hours=9))
    assert len(itsm.expiring([a], datetime.datetime(2024, 4, 1, 8, tzinfo=jst), 0)) == 1
    assert itsm.expiring([], "2024-04-01", 30) == []


def test_expiring_rejects_bad_input():
    with pytest.raises(TypeError, match=r"items\[0\]"):
        itsm.expiring(["srv"], "2024-04-01", 30)
    with pytest.raises(itsm.InvalidArgumentError, match="within_days -1"):
        itsm.expiring([], "2024-04-01", -1)
    with pytest.raises(TypeError, match="within_days"):
        itsm.expiring([], "2024-04-01", 1.5)
    with pytest.raises(itsm.RangeError, match=r"contract_ends\[0\]"):
        itsm.expiring([], "2024-04-01", 1, contract_ends=[("c", (2024, 2, 30))])
    with pytest.raises(TypeError, match=r"events\[0\]"):
        itsm.expiring([], "2024-04-01", 1, events=["just text"])


@pytest.mark.parametrize("name,doc", [("configuration_item", CI_DOC), ("pending_item", PENDING_DOC)])
def test_documents_match_their_schema(name, doc):
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    if not hasattr(jsonschema, "Draft202012Validator"):
        pytest.skip("this jsonschema has no draft 2020-12 validator")
    with open(os.path.join(SCHEMA_DIR, f"{name}.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    cls = itsm.ConfigurationItem if name == "configuration_item" else itsm.PendingItem
    validator.validate(doc)
    validator.validate(cls.from_json(doc).to_dict())
    assert not validator.is_valid(dict(doc, extra=1))
    if name == "pending_item":
        assert not validator.is_valid(dict(doc, due="2024-01-01"))  # due and trigger_event


# ---- sets -------------------------------------------------------------------------------------

EXAMPLES = pathlib.Path(__file__).resolve().parents[3] / "examples" / "data"


def test_sets_round_trip_and_feed_expiring():
    ci_text = (EXAMPLES / "configuration-items.json").read_text(encoding="utf-8")
    pending_text = (EXAMPLES / "pending-items.json").read_text(encoding="utf-8")
    cis = itsm.configuration_items_from_json(ci_text)
    pending = itsm.pending_items_from_json(pending_text)
    assert [c.id for c in cis] == ["srv-01", "ups-02", "os-srv-01"]
    assert [p.status for p in pending] == [itsm.PendingStatus.IN_PROGRESS, itsm.PendingStatus.OPEN,
                                           itsm.PendingStatus.CLOSED]
    assert pending[0].history[1].note == "異動"
    assert itsm.configuration_items_to_json(cis) == ci_text
    assert itsm.pending_items_to_json(pending) == pending_text
    assert itsm.configuration_items_from_json(json.loads(ci_text)) == cis
    # each item is the item a single document gives
    single = {"itsm_schema": 1, "type": "configuration_item", **json.loads(ci_text)["items"][1]}
    assert itsm.ConfigurationItem.from_json(single) == cis[1]
    dues = itsm.expiring(cis + pending, datetime.date(2025, 4, 1), 120,
                         events={"OS version-up of server X": "2025-05-10"})
    assert [(d.subject, d.days_left) for d in dues] == [("srv-01", -1), ("P-7", 39), ("ups-02", 90), ("P-8", 105)]
    assert dues[0].overdue and dues[0].kind is itsm.DueKind.WARRANTY


def test_set_errors():
    with pytest.raises(itsm.RangeError, match=r"\$\.items\[1\]\.warranty_end"):
        itsm.configuration_items_from_json({"itsm_schema": 1, "type": "configuration_item_set",
                                            "items": [{"id": "a"}, {"id": "b", "warranty_end": "2025-02-30"}]})
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.items\[0\]\.type: unknown key"):
        itsm.pending_items_from_json({"itsm_schema": 1, "type": "pending_item_set",
                                      "items": [{"type": "pending_item", "id": "P", "title": "t", "owner": "o"}]})
    with pytest.raises(TypeError, match="PendingItem"):
        itsm.pending_items_to_json([itsm.ConfigurationItem("x")])
    assert itsm.pending_items_from_json({"itsm_schema": 1, "type": "pending_item_set", "items": []}) == []


@pytest.mark.parametrize("name, single", [("configuration_item_set", "configuration_item"),
                                          ("pending_item_set", "pending_item")])
def test_set_schemas(name, single):
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    if not hasattr(jsonschema, "Draft202012Validator"):
        pytest.skip("this jsonschema has no draft 2020-12 validator")
    with open(os.path.join(SCHEMA_DIR, f"{name}.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    with open(os.path.join(SCHEMA_DIR, f"{single}.schema.json"), encoding="utf-8") as f:
        element = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    example = "configuration-items.json" if single == "configuration_item" else "pending-items.json"
    validator.validate(json.loads((EXAMPLES / example).read_text(encoding="utf-8")))
    # an item is the single document's schema without "itsm_schema" and "type"
    item = schema["$defs"][single]
    assert item["properties"] == {k: v for k, v in element["properties"].items() if k not in ("itsm_schema", "type")}
    assert item["required"] == [k for k in element["required"] if k not in ("itsm_schema", "type")]
