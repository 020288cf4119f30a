"""Period reports (itsm/report.h) from Python: the DataFrame path gives the same report as
the array path and as Incident objects; reports validate against
docs/schema/sla_report.schema.json; a month of GitHub's status history is checked against
an independent pandas computation."""

import datetime
import json
import pathlib

import jsonschema
import numpy as np
import pandas as pd
import pytest

import itsm

REPO = pathlib.Path(__file__).resolve().parents[3]
SCHEMA = json.loads((REPO / "docs" / "schema" / "sla_report.schema.json").read_text(encoding="utf-8"))
UTC = datetime.timezone.utc

AGREEMENT = {
    "itsm_schema": 1, "type": "agreement", "id": "P", "name": "python report test",
    "calendars": [{"name": "office", "description": "Mon-Fri 9-17 UTC"}],
    "sla_items": [
        {"id": "resolve", "unit": "hour", "kind": "target", "period": "month", "calendar": "office",
         "metric": {"kind": "duration", "start": ["new"], "pause": ["awaiting_user_info"], "stop": ["resolved"],
                    "aggregate": "share_within", "required_percent": 80},
         "selector": {"categories": ["network"]},
         "level": "L3", "levels": {"L1": {"op": "<=", "value": 8}, "L3": {"op": "<=", "value": 2}}},
        {"id": "worst", "unit": "hour", "kind": "guarantee", "period": "month", "calendar": "office",
         "metric": {"kind": "duration", "start": ["new"], "pause": ["awaiting_user_info"], "stop": ["resolved"],
                    "aggregate": "max"},
         "level": "L3", "levels": {"L3": {"op": "<=", "value": 8}}},
    ],
}

OFFICE = {"itsm_schema": 1, "type": "calendar", "name": "office", "zone": "UTC",
          "week": {d: ["09:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}}

# Three incidents in June 2024 (office hours Mon-Fri 9-17 UTC):
#  N1 network: new Mon 06-03 09:00, resolved 10:30: 1.5 h, within 2 h
#  N2 network: new Mon 06-03 16:00, awaiting user 16:30 .. new Tue 10:00, resolved 12:00: 0.5 + 2 = 2.5 h
#  S1 storage: new Wed 06-05 09:00, resolved Thu 13:00: 8 + 4 = 12 h (only "worst" selects it)
EVENTS = pd.DataFrame({
    "number": ["N1", "N1", "N2", "N2", "N2", "N2", "S1", "S1"],
    "at": pd.to_datetime(["2024-06-03 09:00", "2024-06-03 10:30", "2024-06-03 16:00", "2024-06-03 16:30",
                          "2024-06-04 10:00", "2024-06-04 12:00", "2024-06-05 09:00", "2024-06-06 13:00"]),
    "state": ["new", "resolved", "new", "awaiting_user_info", "new", "resolved", "new", "resolved"],
    "category": ["network"] * 6 + ["storage"] * 2,
})


@pytest.fixture(scope="module")
def agreement():
    return itsm.Agreement(AGREEMENT)


@pytest.fixture(scope="module")
def calendars():
    return {"office": itsm.Calendar(OFFICE)}


def june():
    return itsm.Period.month(2024, 6)


def test_frame_report(agreement, calendars):
    report = agreement.evaluate(EVENTS, june(), calendars=calendars, record="number", time="at", status="state",
                                category="category")
    resolve = report.item("resolve")
    assert (resolve["numerator"], resolve["denominator"]) == (1, 2)  # N1 within 2 h, N2 not
    assert resolve["value"] == 50.0
    assert resolve["verdict"] == "missed"
    assert resolve["achieved_level"] == 1  # both within 8 h
    assert [b["record"] for b in resolve["breaches"]] == ["N2"]
    assert resolve["breaches"][0]["elapsed_seconds"] == 9000
    worst = report.item("worst")
    assert worst["value"] == 12.0 and worst["verdict"] == "missed" and worst["consequence"] == "breach"
    frame = report.to_frame()
    assert list(frame.index) == ["resolve", "worst"]
    assert frame.loc["worst", "records"] == 3
    jsonschema.validate(json.loads(report.to_json()), SCHEMA)


def test_frame_equals_arrays_and_incidents(agreement, calendars):
    by_frame = agreement.evaluate(EVENTS, june(), calendars=calendars, record="number", time="at", status="state",
                                  category="category")
    codes = {"new": 0, "resolved": 3, "awaiting_user_info": 1000}
    ds = itsm.Dataset({"awaiting_user_info": 1000})
    times = EVENTS["at"].to_numpy().astype("datetime64[s]").astype(np.int64)
    ds.add_incidents([0, 2, 6, 8], times, [codes[s] for s in EVENTS["state"]], ids=["N1", "N2", "S1"],
                     category=["network", "network", "storage"])
    by_arrays = agreement.evaluate(ds, june(), calendars=calendars)
    assert by_arrays.to_json() == by_frame.to_json()
    # Incident objects: "awaiting_user_info" is on_hold there, so map it the same way.
    incidents = []
    for number, rows in EVENTS.groupby("number", sort=True):
        inc = itsm.Incident(number, category=rows["category"].iloc[0])
        for t, s in zip(rows["at"], rows["state"]):
            inc.add_status(t.tz_localize(UTC).to_pydatetime(), "on_hold" if s == "awaiting_user_info" else s)
        incidents.append(inc)
    objects = itsm.Dataset.from_incidents(incidents, {"awaiting_user_info": int(itsm.IncidentStatus.ON_HOLD)})
    assert agreement.evaluate(objects, june(), calendars=calendars).to_json() == by_frame.to_json()


def test_json_is_canonical_and_markdown(agreement, calendars):
    kwargs = dict(calendars=calendars, record="number", time="at", status="state", category="category")
    one = agreement.evaluate(EVENTS, june(), **kwargs).to_json()
    two = agreement.evaluate(EVENTS.sample(frac=1, random_state=3), june(), **kwargs).to_json()
    assert one == two  # row order does not matter
    md = agreement.evaluate(EVENTS, june(), **kwargs).to_markdown()
    assert "| resolve | L3: <= 2 hour | 50% (1/2) | L1 | missed (finding) |" in md


def test_missing_calendar_and_no_data(agreement):
    report = agreement.evaluate(EVENTS, june(), record="number", time="at", status="state", category="category")
    assert {it["verdict"] for it in report.items} == {"not_evaluable"}
    assert report.item("resolve")["reason"] == "no calendar 'office'"
    cals = {"office": itsm.Calendar(OFFICE)}
    unnamed = agreement.evaluate(itsm.Dataset(), june(), calendars=cals)
    assert unnamed.item("resolve")["reason"] == "status 'awaiting_user_info' has no code in the dataset"
    empty = agreement.evaluate(itsm.Dataset({"awaiting_user_info": 1000}), june(), calendars=cals)
    assert empty.item("resolve")["verdict"] == "no_data"
    assert empty.item("resolve")["denominator"] == 0
    jsonschema.validate(json.loads(empty.to_json()), SCHEMA)


def test_periods():
    tokyo = itsm.Period.month(2024, 12, zone="Asia/Tokyo")
    assert tokyo.start_datetime == datetime.datetime(2024, 11, 30, 15, tzinfo=UTC)
    assert tokyo.label == "2024-12"
    assert itsm.Period.quarter(2024, 2).label == "2024-Q2"
    assert itsm.Period.year(2023).end - itsm.Period.year(2023).start == 365 * 86400
    rolling = itsm.Period.rolling(datetime.date(2024, 4, 1), 7)
    assert rolling.start_datetime == datetime.datetime(2024, 3, 25, tzinfo=UTC)
    assert len(itsm.Period.months(2024)) == 12
    with pytest.raises(itsm.Error, match="month 13"):
        itsm.Period.month(2024, 13)


def test_errors(agreement, calendars):
    with pytest.raises(ValueError, match="counting"):
        agreement.evaluate(itsm.Dataset(), june(), counting="sideways")
    with pytest.raises(TypeError, match="Calendar"):
        agreement.evaluate(itsm.Dataset(), june(), calendars={"office": "office"})
    with pytest.raises(TypeError, match="mapping"):
        agreement.evaluate(itsm.Dataset(), june(), record="number")
    ds = itsm.Dataset()
    with pytest.raises(itsm.Error, match="offsets"):
        ds.add_incidents([1, 2], [0, 1], [0, 3])
    with pytest.raises(ValueError, match="newline"):
        ds.add_incidents([0, 1], [0], [0], ids=["a\nb"])


def test_github_month_against_pandas():
    """Availability of January 2025 from the shipped sample: major and critical windows
    count, maintenance is excluded from both sides (none in January)."""
    df = pd.read_csv(REPO / "examples" / "data" / "github-downtime-2025.csv", parse_dates=["downtime_start", "downtime_end"])
    full = df["impact"].isin(["major", "critical"]).to_numpy()
    planned = (df["impact"] == "maintenance").to_numpy()
    ds = itsm.Dataset()
    ds.add_outages(df["downtime_start"], df["downtime_end"], flags=np.where(planned, 3, 0),
                   share=np.where(full | planned, 10**9, 0), ids=df["incident_id"].astype(str))
    agreement = itsm.Agreement((REPO / "examples" / "data" / "agreement-github-status.json").read_text())
    cal = itsm.Calendar((REPO / "examples" / "data" / "calendar-24x7-utc.json").read_text())
    item = agreement.evaluate(ds, itsm.Period.month(2025, 1), calendars={"24x7": cal}).item("availability")
    lo, hi = pd.Timestamp("2025-01-01", tz="UTC"), pd.Timestamp("2025-02-01", tz="UTC")
    win = df[full]
    # Union of the windows clipped to January (pandas, independently of the library).
    spans = sorted((max(s, lo), min(e, hi)) for s, e in zip(win["downtime_start"], win["downtime_end"]) if e > lo and s < hi)
    down, cur = 0, None
    for s, e in spans:
        if cur is None or s > cur[1]:
            down += 0 if cur is None else (cur[1] - cur[0]).total_seconds()
            cur = [s, e]
        else:
            cur[1] = max(cur[1], e)
    down += 0 if cur is None else (cur[1] - cur[0]).total_seconds()
    assert item["denominator"] == 31 * 86400
    assert item["numerator"] == 31 * 86400 - int(down)
    assert item["verdict"] == ("met" if item["numerator"] / item["denominator"] >= 0.999 else "missed")


def test_severity_and_priority_functions():
    # Case 9-11: each declarer's latest counts; the largest of them is the severity.
    declarations = [(100, "2", "vendor"), (50, "3", "user"), (200, "0+", "vendor"), (300, "1", "user")]
    assert itsm.severity_max_declared(declarations) == itsm.SeverityLevel.coerce("1")
    assert itsm.severity_max_declared([]) is None
    rows = [[1, 2, 3], [2, 3, 4], [3, 4, 5]]
    assert itsm.priority_of(rows, 2, 3) == 4
    assert itsm.priority_of(itsm.PriorityMatrix(rows), 3, 1) == 3
    with pytest.raises(itsm.Error):
        itsm.priority_of(rows, 4, 1)


def test_records():
    """Record documents: a notified maintenance window leaves the agreed time, a late
    notified one counts as downtime; reports due by the end of their day in Tokyo."""
    docs = [
        {"type": "outage", "id": "O1", "kind": "unplanned", "start": "2024-06-10T00:00:00Z", "end": "2024-06-10T01:00:00Z"},
        {"type": "outage", "id": "O2", "kind": "planned_maintenance", "start": "2024-06-15T00:00:00Z",
         "end": "2024-06-15T02:00:00Z", "notified_at": "2024-06-13T00:00:00Z"},
        {"type": "outage", "id": "O3", "kind": "planned_maintenance", "start": "2024-06-20T00:00:00Z",
         "end": "2024-06-20T00:30:00Z", "notified_at": "2024-06-20T00:10:00Z"},
        {"type": "report_delivery", "id": "R1", "report": "monthly", "due": "2024-06-14",
         "delivered_at": "2024-06-14T14:00:00Z"},
    ]
    records = [itsm.Record({"itsm_schema": 1, **d}) for d in docs]
    agreement = itsm.Agreement({
        "itsm_schema": 1, "type": "agreement", "id": "R", "sla_items": [
            {"id": "availability", "unit": "percent", "calendar": "24x7", "metric": {"kind": "availability"},
             "level": "L3", "levels": {"L3": {"op": ">=", "value": 99.9}}},
            {"id": "report", "unit": "month", "metric": {"kind": "report_deadline", "report": "monthly"},
             "level": "L3", "levels": {"L3": {"deadline": "within 10 business days from the start of the next month"}}},
        ]})
    always = itsm.Calendar({"itsm_schema": 1, "type": "calendar", "name": "24x7", "zone": "UTC",
                            "week": {d: ["00:00-24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}})
    ds = itsm.Dataset().add_records(records, zone="Asia/Tokyo")
    report = agreement.evaluate(ds, itsm.Period.month(2024, 6), calendars={"24x7": always})
    availability = report.item("availability")
    assert (availability["numerator"], availability["denominator"]) == (30 * 86400 - 7200 - 5400, 30 * 86400 - 7200)
    assert availability["verdict"] == "missed"  # 99.79 %
    assert report.item("report")["verdict"] == "met"
    change = itsm.Record({"itsm_schema": 1, "type": "change", "id": "C1"})
    with pytest.raises(itsm.InvalidArgumentError, match="change record"):
        itsm.Dataset().add_records(records + [change])
