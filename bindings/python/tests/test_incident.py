"""Incident records: fields and histories, reopenings, severity, the priority matrix,
documents round-tripping identically, JSON-path errors, JSON Lines streams, the JSON
Schemas, and conversion from a pandas DataFrame (the UCI incident event log)."""

import copy
import datetime
import json
import os
import pickle

import pytest

import itsm

HERE = os.path.dirname(__file__)
SCHEMA_DIR = os.path.join(HERE, "..", "..", "..", "docs", "schema")
UCI_LOG = os.path.join(HERE, "..", "..", "..", "..", "shared", "data", "uci-incident-event-log",
                       "incident_event_log.csv.gz")
UTC = datetime.timezone.utc

DOC = {
    "itsm_schema": 1, "type": "incident", "id": "INC0000045", "service": "payroll", "ci": "srv-01",
    "category": "Category 55", "impact": 2, "urgency": 2, "priority": 3,
    "status_history": [
        {"at": "2016-02-29T01:16:00Z", "status": "new", "group": "Group 56", "by": "Updated by 21"},
        {"at": "2016-02-29T08:53:00Z", "status": "resolved", "group": "Group 56"},
        {"at": "2016-03-01T09:00:00Z", "status": "active"},
        {"at": "2016-03-02T09:00:00Z", "status": "closed"},
    ],
    "assignment_history": [{"at": "2016-02-29T01:16:00Z", "group": "Group 56"}],
    "severity_declarations": [
        {"at": "2016-02-29T01:20:00Z", "level": "0+", "by": "tanaka"},
        {"at": "2016-02-29T01:30:00Z", "level": "2", "by": "suzuki"},
        {"at": "2016-02-29T02:00:00Z", "level": "1", "by": "suzuki"},
    ],
}


def t(text):
    return itsm.parse_instant(text)


def test_round_trip_identical():
    inc = itsm.Incident.from_json(DOC)
    text = inc.to_json()
    assert inc.to_dict() == DOC
    assert itsm.Incident.from_json(text).to_json() == text
    again = pickle.loads(pickle.dumps(inc))
    assert again == inc and again.to_json() == text
    assert copy.deepcopy(inc) == inc
    assert inc.id == "INC0000045" and inc.ci == "srv-01" and inc.impact == 2 and inc.priority == 3
    assert repr(inc) == "<itsm.Incident 'INC0000045'>"
    assert type(inc).__module__ == "itsm"
    # A dict without itsm_schema and type is a record.
    record = {k: v for k, v in DOC.items() if k not in ("itsm_schema", "type")}
    assert itsm.Incident.from_json(record) == inc


def test_histories_reopen_and_severity():
    inc = itsm.Incident.from_json(DOC)
    assert inc.reopen_count == 1
    assert inc.opened == t("2016-02-29T01:16:00Z")
    assert inc.closed == inc.resolved == t("2016-03-02T09:00:00Z")
    assert inc.status is itsm.IncidentStatus.CLOSED
    assert inc.status_history[1] == itsm.StatusChange(t("2016-02-29T08:53:00Z"), itsm.IncidentStatus.RESOLVED,
                                                      "Group 56", None)
    assert inc.assignment_history == [itsm.Assignment(t("2016-02-29T01:16:00Z"), "Group 56")]
    assert inc.severity is itsm.SeverityLevel.S1  # tanaka 0+, suzuki's latest 1
    inc.declare_severity(datetime.datetime(2016, 2, 29, 3, tzinfo=UTC), "3", "sato")
    assert inc.severity is itsm.SeverityLevel.S3
    assert inc.severity_declarations[-1] == itsm.SeverityDeclaration(t("2016-02-29T03:00:00Z"),
                                                                     itsm.SeverityLevel.S3, "sato")
    assert itsm.SeverityLevel.S0_PLUS.label == str(itsm.SeverityLevel.S0_PLUS) == "0+"
    assert str(itsm.SeverityLevel.S1) == "1" and itsm.SeverityLevel.S1 > itsm.SeverityLevel.S0_PLUS
    inc.add_status(t("2016-03-03T00:00:00Z"), "active", "Group 7")
    assert inc.reopen_count == 2 and inc.resolved is None and inc.closed is None
    assert [a.group for a in inc.assignment_history] == ["Group 56", "Group 7"]
    with pytest.raises(itsm.InvalidArgumentError, match="before the last entry"):
        inc.add_status(t("2016-01-01T00:00:00Z"), "new")
    with pytest.raises(ValueError, match="not a severity level"):
        inc.declare_severity(t("2016-03-04T00:00:00Z"), "4", "x")


def test_new_incident_and_matrix():
    inc = itsm.Incident("I-1", service="mail", impact=3, urgency=2)
    assert inc.severity is None and inc.opened is None and inc.status is None
    m = itsm.PriorityMatrix([[1, 2, 3], [2, 3, 4], [3, 4, 5]])
    assert m.lookup(2, 3) == 4
    inc.apply_matrix(m)
    assert inc.priority == 4
    with pytest.raises(itsm.RangeError, match="impact 4"):
        m.lookup(4, 1)
    assert pickle.loads(pickle.dumps(m)).rows == m.rows
    inc.impact = None
    assert inc.impact is None
    with pytest.raises(TypeError):
        itsm.Incident("I-2", colour="red")


def test_errors_name_the_path():
    bad = json.loads(json.dumps(DOC))
    bad["status_history"][3]["at"] = "yesterday"
    with pytest.raises(itsm.ParseError, match=r"\$\.status_history\[3\]\.at: \"yesterday\" is not an ISO 8601"):
        itsm.Incident.from_json(bad)
    bad = dict(DOC, impact="high")
    with pytest.raises(itsm.InvalidArgumentError, match=r"\$\.impact"):
        itsm.Incident.from_json(bad)
    with pytest.raises(itsm.VersionError):
        itsm.Incident.from_json(dict(DOC, itsm_schema=2))


def test_jsonl_stream(tmp_path):
    path = tmp_path / "incidents.jsonl"
    lines = []
    for i in range(50):
        lines.append(json.dumps(dict(DOC, id=f"I-{i}")))
    lines[12] = lines[12].replace("2016-03-01T09:00:00Z", "2016-03-01 nine o'clock")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reader = itsm.read_incidents_jsonl(path)
    got = [next(reader).id for _ in range(12)]
    assert got == [f"I-{i}" for i in range(12)]
    with pytest.raises(itsm.ParseError, match=r"line 13: \$\.status_history\[2\]\.at"):
        next(reader)
    path.write_text("\n".join(lines[:12]) + "\n\n", encoding="utf-8")
    assert [inc.id for inc in itsm.read_incidents_jsonl(str(path))] == [f"I-{i}" for i in range(12)]
    with pytest.raises(itsm.NotFoundError):
        next(itsm.read_incidents_jsonl(tmp_path / "missing.jsonl"))


def test_incident_sets():
    a = itsm.Incident.from_json(DOC)
    b = itsm.Incident("I-2", service="mail", impact=1)
    text = itsm.incidents_to_json([a, b])
    doc = json.loads(text)
    assert doc["type"] == "incident_set" and [r["id"] for r in doc["records"]] == [a.id, "I-2"]
    assert "itsm_schema" not in doc["records"][0] and "type" not in doc["records"][0]
    back = itsm.incidents_from_json(text)
    assert back == [a, b] and itsm.incidents_to_json(back) == text
    assert itsm.incidents_from_json(doc) == back
    doc["records"][1]["status_history"] = [{"at": "yesterday", "status": "new"}]
    with pytest.raises(itsm.ParseError, match=r"\$\.records\[1\]\.status_history\[0\]\.at"):
        itsm.incidents_from_json(doc)
    with pytest.raises(TypeError, match="Incident"):
        itsm.incidents_to_json([a, None])


@pytest.mark.parametrize("name", ["incident", "incident_set"])
def test_json_schema(name):
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    if not hasattr(jsonschema, "Draft202012Validator"):
        pytest.skip("this jsonschema has no draft 2020-12 validator")
    with open(os.path.join(SCHEMA_DIR, f"{name}.schema.json"), encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    inc = itsm.Incident.from_json(DOC)
    if name == "incident":
        validator.validate(DOC)
        validator.validate(inc.to_dict())
        validator.validate(itsm.Incident("x").to_dict())
    else:
        record = {k: v for k, v in inc.to_dict().items() if k not in ("itsm_schema", "type")}
        validator.validate({"itsm_schema": 1, "type": "incident_set", "records": [record, {"id": "y"}]})
        with pytest.raises(jsonschema.ValidationError):
            validator.validate({"itsm_schema": 1, "type": "incident_set", "records": [DOC]})


def test_dataframe_small():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({
        "number": ["A", "B", "A", "A", "B", "A"],
        "state": ["New", "New", "Active", "Resolved", "Closed", "Active"],
        "when": ["1/3/2024 09:00", "1/3/2024 10:00", "1/3/2024 09:30", "2/3/2024 12:00", "3/3/2024 10:00",
                 "4/3/2024 08:00"],
        "grp": ["G1", "G2", "G1", "G3", "G2", "G3"],
        "impact": ["2 - Medium", "1 - High", "2 - Medium", "2 - Medium", "1 - High", "2 - Medium"],
        "urgency": [1, 3, 1, 1, 3, 1],
    })
    # Shuffled rows are sorted by instant within each incident.
    df = df.iloc[[5, 3, 0, 4, 1, 2]]
    incidents = itsm.incidents_from_dataframe(
        df, {"id": "number", "at": "when", "status": "state", "group": "grp", "impact": "impact",
             "urgency": "urgency"},
        zone="Asia/Tokyo", format="%d/%m/%Y %H:%M", matrix=itsm.PriorityMatrix([[1, 2, 3], [2, 3, 4]]))
    assert [i.id for i in incidents] == ["A", "B"]
    a, b = incidents
    assert [c.status.label for c in a.status_history] == ["new", "active", "resolved", "active"]
    assert a.status_history[0].at == t("2024-03-01T00:00:00Z")  # 09:00 JST
    assert [g.group for g in a.assignment_history] == ["G1", "G3"]
    assert a.reopen_count == 1
    assert (a.impact, a.urgency, a.priority) == (2, 1, 2)
    assert b.closed == t("2024-03-03T01:00:00Z") and b.priority == 3
    with pytest.raises(ValueError, match="not in the status map"):
        itsm.incidents_from_dataframe(df.assign(state="Odd"), {"id": "number", "at": "when", "status": "state"},
                                      format="%d/%m/%Y %H:%M", unknown_status="raise")
    with pytest.raises(ValueError, match="mapping must name"):
        itsm.incidents_from_dataframe(df, {"id": "number", "at": "when"})


@pytest.mark.skipif(not os.path.isfile(UCI_LOG), reason="../shared/data (UCI incident event log) is absent")
def test_dataframe_uci_log():
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(UCI_LOG, nrows=2000)
    incidents = itsm.incidents_from_dataframe(
        df,
        {"id": "number", "at": "sys_updated_at", "status": "incident_state", "group": "assignment_group",
         "by": "sys_updated_by", "category": "category", "ci": "cmdb_ci", "impact": "impact",
         "urgency": "urgency", "priority": "priority"},
        zone="UTC", format="%d/%m/%Y %H:%M")
    assert len(incidents) == df["number"].nunique()
    first = incidents[0]
    assert first.id == "INC0000045"
    assert first.category == "Category 55" and first.ci is None
    assert (first.impact, first.urgency, first.priority) == (2, 2, 3)
    assert first.status_history[0].status is itsm.IncidentStatus.NEW
    assert first.status_history[0].at == t("2016-02-29T01:23:00Z")
    assert first.status_history[-1].status is itsm.IncidentStatus.CLOSED
    # Every record survives a JSON round trip unchanged, and the reopenings seen in the
    # status history agree with the log's own reopen_count (which misses a few: never more).
    logged = df.groupby("number")["reopen_count"].max()
    agree = 0
    for inc in incidents:
        assert itsm.Incident.from_json(inc.to_json()).to_json() == inc.to_json()
        history = inc.status_history
        assert all(x.at <= y.at for x, y in zip(history, history[1:]))
        assert inc.reopen_count >= logged[inc.id]
        agree += inc.reopen_count == logged[inc.id]
    assert agree >= 0.95 * len(incidents)
    assert any(inc.reopen_count > 0 for inc in incidents)


# ---- priority matrices ------------------------------------------------------------------------


def test_priority_matrix_default_is_itil():
    m = itsm.PriorityMatrix()
    assert m == itsm.PriorityMatrix.default() == itsm.PriorityMatrix.from_json({"itsm_schema": 1,
                                                                                "type": "priority_matrix"})
    assert all(m.lookup(i, u) == i + u - 1 for i in (1, 2, 3) for u in (1, 2, 3))  # METRICS.md 6
    assert m.priority_levels == ("critical", "high", "medium", "low", "planning")
    assert m.impact_levels == m.urgency_levels == ("high", "medium", "low")


def test_priority_matrix_document_round_trip():
    path = os.path.join(HERE, "..", "..", "..", "tests", "fuzz", "corpus", "documents", "priority-matrix.json")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    m = itsm.PriorityMatrix.from_json(doc)
    assert m == itsm.PriorityMatrix.default()
    text = m.to_json()
    assert itsm.PriorityMatrix.from_json(text).to_json() == text
    four = itsm.PriorityMatrix([[1, 2], [2, 3], [3, 4], [4, 4]], impact_levels=["全社", "部門", "担当", "個人"],
                               priority_levels=["P1", "P2", "P3", "P4"])
    assert four.rows == ((1, 2), (2, 3), (3, 4), (4, 4)) and four.urgency_levels is None
    assert four.lookup(3, 2) == 4 and four.impact_levels[1] == "部門"
    assert list(four.to_dict()) == ["itsm_schema", "type", "cells", "impact_levels", "priority_levels"]
    assert pickle.loads(pickle.dumps(four)) == four and hash(four.copy()) == hash(four)
    assert itsm.PriorityMatrix(four.to_json()) == four
    inc = itsm.Incident("I", impact=4, urgency=1)
    inc.apply_matrix(four)
    assert inc.priority == 4


@pytest.mark.parametrize(
    "kwargs, error, path",
    [
        ({"rows": [[1, 2], [2]]}, itsm.InvalidArgumentError, r"\$\.cells\[1\]"),
        ({"rows": [[1, 0]]}, itsm.RangeError, r"\$\.cells\[0\]\[1\]: priority 0"),
        ({"rows": []}, itsm.RangeError, r"\$\.cells: 0 impact levels"),
        ({"rows": [[1, 2]], "priority_levels": ["a"]}, itsm.InvalidArgumentError, r"\$\.priority_levels"),
        ({"urgency_levels": ["a", ""]}, itsm.InvalidArgumentError, r"\$\.urgency_levels\[1\]"),
    ],
)
def test_priority_matrix_errors(kwargs, error, path):
    with pytest.raises(error, match=path):
        itsm.PriorityMatrix(**kwargs)


def test_priority_matrix_schema():
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    if not hasattr(jsonschema, "Draft202012Validator"):
        pytest.skip("this jsonschema has no draft 2020-12 validator")
    with open(os.path.join(SCHEMA_DIR, "priority_matrix.schema.json"), encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    validator.validate(itsm.PriorityMatrix().to_dict())
    validator.validate(itsm.PriorityMatrix([[1, 2]]).to_dict())
    validator.validate({"itsm_schema": 1, "type": "priority_matrix"})
    for bad in ({"cells": [[0]]}, {"cells": []}, {"size": 3}, {"impact_levels": [""]}):
        doc = {"itsm_schema": 1, "type": "priority_matrix", **bad}
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(doc)
        with pytest.raises(itsm.Error):
            itsm.PriorityMatrix.from_json(doc)
