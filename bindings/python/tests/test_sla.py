"""SLA items, level evaluation and the built-in catalogue (itsm/sla.h)."""

import copy
import fractions
import json
import pathlib
import pickle

import pytest

import itsm

ROOT = pathlib.Path(__file__).resolve().parents[3]
SCHEMA = ROOT / "docs" / "schema"

AVAILABILITY = {
    "id": "availability",
    "name": "availability",
    "unit": "percent",
    "kind": "guarantee",
    "period": "month",
    "metric": {"kind": "availability", "exclude_planned": True},
    "level": "L3",
    "levels": {
        "L1": {"op": ">=", "value": 97.5},
        "L2": {"op": ">=", "value": 99},
        "L3": {"op": ">=", "value": 99.9},
        "L4": {"per_contract": True},
    },
    "credits": [
        {"op": "<", "value": 99.9, "percent": 10},
        {"op": "<", "value": 99, "percent": 25},
    ],
}


def test_documents_round_trip_and_pickle():
    item = itsm.SlaItem(AVAILABILITY)
    text = item.to_json()
    assert itsm.SlaItem.from_json(text).to_json() == text
    assert item.to_dict()["type"] == "sla_item"
    assert item.item_dict() == {k: v for k, v in item.to_dict().items() if k not in ("itsm_schema", "type")}
    assert pickle.loads(pickle.dumps(item)) == item
    assert copy.deepcopy(item) == item and hash(copy.copy(item)) == hash(item)
    assert (item.id, item.unit, item.kind, item.level) == ("availability", "percent", "guarantee", "L3")
    assert item.levels["L2"] == {"op": ">=", "value": 99}
    assert item.metric == {"kind": "availability", "exclude_planned": True}
    assert repr(item) == "<itsm.SlaItem 'availability'>"


def test_errors_name_the_json_path():
    bad = dict(AVAILABILITY, levels={"L1": {"op": ">=", "value": 99}, "L2": {"op": ">=", "value": 98}})
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.levels\.L2\.value: \">= 98\" asks less"):
        itsm.SlaItem(bad)
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.credits: service credits apply to a guarantee"):
        itsm.SlaItem(dict(AVAILABILITY, kind="target"))
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.metric\.rate: unknown key"):
        itsm.SlaItem(dict(AVAILABILITY, metric={"kind": "availability", "rate": "answer"}))
    with pytest.raises(itsm.ParseError):
        itsm.SlaItem("{")


def test_evaluate_levels_exactly():
    item = itsm.SlaItem(AVAILABILITY)
    # 99.5 %: L2 met, L3 missed; a guarantee missed is a breach with a 10 % credit.
    r = item.evaluate_level(99.5)
    assert (r.agreed_level, r.achieved_level, r.met) == ("L3", "L2", False)
    assert r.outcomes["L3"] is itsm.Outcome.MISSED and r.outcomes["L4"] is itsm.Outcome.CONTRACT_VALUE_MISSING
    assert r.breach and not r.finding and r.consequence is itsm.Consequence.BREACH
    assert r.credit == 10 and r.margin == pytest.approx(-0.4)
    # Exactly at the threshold, as a ratio: 43156.8 of 43200 minutes is 99.9 %.
    r = item.evaluate_level(fractions.Fraction(431568, 432000), unit="ratio")
    assert r.met and r.credit == 0 and r.consequence is itsm.Consequence.NONE
    assert not item.evaluate_level(fractions.Fraction(431567, 432000), unit="ratio").met
    assert item.evaluate_level(0.999, unit="ratio").met
    with pytest.raises(ValueError, match="unknown unit"):
        item.evaluate_level(1, unit="furlong")
    with pytest.raises(itsm.InvalidArgumentError, match="second does not convert"):
        item.evaluate_level(1, unit="second")
    with pytest.raises(TypeError):
        item.evaluate_level(True)


def test_units_verdicts_and_per_contract():
    item = itsm.SlaItem({
        "id": "recovery", "unit": "hour", "kind": "target", "level": "L3",
        "levels": {"L1": {"deadline": "next day"}, "L2": {"deadline": "same day"}, "L3": {"op": "<=", "value": 4}},
    })
    r = item.evaluate_level(4 * 3600 + 1, unit="second", verdicts={"L1": True, "L2": True})
    assert (r.met, r.achieved_level, r.finding) == (False, "L2", True)
    assert r.margin == pytest.approx(-1 / 3600)
    r = item.evaluate_level(fractions.Fraction(1, 6), unit="day")  # 4 h exactly
    assert r.met and r.outcomes["L1"] is itsm.Outcome.NO_DATA
    with pytest.raises(itsm.InvalidArgumentError, match="decides L3"):
        item.evaluate_level(1, verdicts={"L3": True})
    with pytest.raises(ValueError, match="unknown levels"):
        item.evaluate_level(1, verdicts={"L5": True})
    pc = itsm.SlaItem({"id": "rto", "unit": "hour", "kind": "guarantee", "level": "L3",
                       "levels": {"L2": {"op": "<=", "value": 24}, "L3": {"per_contract": True}}})
    r = pc.evaluate_level(5)
    assert r.reason == "per contract value missing" and r.consequence is itsm.Consequence.UNDETERMINED
    assert r.achieved_level == "L2"
    filled = itsm.SlaItem(dict(pc.item_dict(), levels={"L2": {"op": "<=", "value": 24},
                                                       "L3": {"per_contract": True,
                                                              "contract_value": {"op": "<=", "value": 4}}}))
    assert filled.evaluate_level(5).breach


def test_ordinals_and_shares():
    item = itsm.SlaItem({"id": "ids", "kind": "target", "scale": ["FW", "FW + NIDS", "FW + NIDS + HIDS"],
                         "level": "L4", "levels": {"L1": {"ordinal": "FW"}, "L2": {"ordinal": "FW + NIDS"},
                                                   "L4": {"ordinal": "FW + NIDS + HIDS"}}})
    r = item.evaluate_level("FW + NIDS")
    assert (r.achieved_level, r.margin, r.finding) == ("L2", -1.0, True)
    with pytest.raises(itsm.InvalidArgumentError, match="not on the scale"):
        item.evaluate_level("antivirus")
    share = itsm.SlaItem({"id": "inq", "unit": "day", "kind": "target", "level": "L1",
                          "metric": {"kind": "duration", "aggregate": "share_within", "required_percent": 95},
                          "levels": {"L1": {"deadline": "same day"}}})
    assert share.share_verdict(19, 20) is True
    assert share.share_verdict(18, 19) is False
    assert share.share_verdict(0, 0) is None
    assert share.evaluate_level(verdicts={"L1": share.share_verdict(19, 20)}).met


def test_catalogue():
    services = itsm.catalogue()
    assert [s.id for s in services] == [
        "hardware_maintenance", "call_center", "license_maintenance", "failure_response",
        "customization_maintenance", "training", "firewall_management", "server_operation_support", "saas"]
    sos = services[7]
    assert (sos.section, sos.levels, sos.name_ja) == ("4.9.2", ["L1", "L3"], "サーバ運用支援サービス")
    assert [i.id for i in sos.items][:2] == ["operation_monitoring", "automatic_failure_notification"]
    assert all(i.level is None for s in services for i in s.items)
    assert itsm.catalogue_json() == (ROOT / "lib" / "data" / "sla_catalogue.json").read_text(encoding="utf-8")


def test_catalogue_service_with_overrides():
    items = itsm.catalogue_service("server_operation_support", level="L3", overrides={
        "*": {"calendar": "vendor-onsite", "period": "month"},
        "hardware_failure_recovery": {"levels": {"L3": {"op": "<=", "value": 3}}},
    })
    assert [i.level for i in items] == ["L3"] * 6
    assert all(i.to_dict()["calendar"] == "vendor-onsite" for i in items)
    hw = items[3]
    assert hw.evaluate_level(3.5).finding
    # Into an agreement: the items as its sla_items.
    agreement = itsm.Agreement({"itsm_schema": 1, "type": "agreement", "id": "A",
                                "calendars": [{"name": "vendor-onsite"}],
                                "sla_items": [i.item_dict() for i in items]})
    assert agreement.sla_count == 6
    paths = {f.path for f in agreement.lint()}
    assert "$.sla_items[0].calendar" not in paths and "$.sla_items[0].period" not in paths
    with pytest.raises(itsm.InvalidArgumentError, match=r'item "operation_monitoring": the catalogue has no L2'):
        itsm.catalogue_service("server_operation_support", level="L2")
    with pytest.raises(itsm.NotFoundError, match='has no item "uptime"'):
        itsm.catalogue_service("saas", "L1", {"uptime": {}})
    with pytest.raises(itsm.NotFoundError, match="no service"):
        itsm.catalogue_service("coffee")
    with pytest.raises(itsm.InvalidArgumentError, match=r'item "rto" with its overrides: \$\.levels\.L3\.contract'):
        itsm.catalogue_service("saas", "L3", {"rto": {"contract_value": {"op": "<=", "value": 48}}})
    rto = itsm.catalogue_service("saas", "L3", '{"rto": {"contract_value": {"op": "<=", "value": 4}}}')[1]
    assert rto.evaluate_level(3).met


def _validator(name):
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    if not hasattr(jsonschema, "Draft202012Validator"):
        pytest.skip("jsonschema too old for draft 2020-12")
    return jsonschema.Draft202012Validator(json.loads((SCHEMA / name).read_text(encoding="utf-8")))


def test_documents_match_the_schema():
    validator = _validator("sla_item.schema.json")
    validator.validate(itsm.SlaItem(AVAILABILITY).to_dict())
    for service in itsm.catalogue():
        for item in service.items:
            validator.validate(item.to_dict())
    for item in itsm.catalogue_service("saas", "L2"):
        validator.validate(item.to_dict())
    with pytest.raises(Exception):
        validator.validate(dict(itsm.SlaItem(AVAILABILITY).to_dict(), levels={"L1": {"none": True, "op": "<"}}))
    _validator("sla_catalogue.schema.json").validate(json.loads(itsm.catalogue_json()))


def test_agreement_schema_shares_the_sla_definitions():
    item = json.loads((SCHEMA / "sla_item.schema.json").read_text(encoding="utf-8"))
    agreement = json.loads((SCHEMA / "agreement.schema.json").read_text(encoding="utf-8"))
    for name, definition in item["$defs"].items():
        assert agreement["$defs"][name] == definition, name
    assert agreement["properties"]["sla_items"]["items"] == {"$ref": "#/$defs/sla_item"}
