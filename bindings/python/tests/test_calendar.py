"""Business calendars: documents, answers, the canonical JSON, errors, batch methods."""

import copy
import datetime
import gc
import json
import os
import pickle
import threading

import numpy as np
import pytest

import itsm
from itsm import itsm_native

SCHEMA_PATH = os.path.join(os.path.dirname(__file__), "..", "..", "..", "docs", "schema", "calendar.schema.json")
JST = datetime.timezone(datetime.timedelta(hours=9))
D = datetime.date

README_EXAMPLE = {
    "itsm_schema": 1, "type": "calendar", "name": "desk", "zone": "Asia/Tokyo",
    "week": {"mon": ["09:00-18:00"], "tue": ["09:00-18:00"], "wed": ["09:00-18:00"], "thu": ["09:00-18:00"],
             "fri": ["09:00-18:00"], "sat": ["09:00-12:00", "13:00-17:00"], "sun": []},
    "holidays": ["jp", "jp-year-end"],
    "closed": ["2024-08-13", {"date": "2024-11-30", "from": "22:00", "to": "24:00"}],
    "open": [{"date": "2024-12-28", "intervals": ["09:00-12:00"]}],
}

FULL_EXAMPLE = {
    "itsm_schema": 1, "type": "calendar", "name": "night-desk", "zone": "Europe/Amsterdam",
    "week": {"mon": ["09:00-12:00", "12:00-13:00", {"from": "22:00", "to": "06:00", "overnight": True}],
             "tue": [{"from": "08:30", "to": "17:15:30"}], "fri": ["00:00-24:00"]},
    "holidays": ["jp-year-end",
                 {"name": "vendor", "dates": ["2024-08-14", {"date": "2024-08-15", "name": "お盆"}],
                  "fixed": [{"month": 5, "day": 1, "name": "Labour Day", "from_year": 2000}],
                  "nth_weekday": [{"month": 11, "nth": -1, "weekday": "fri", "name": "Black Friday"}],
                  "ranges": [{"from": "12-24", "to": "12-26", "name": "Xmas"}]}],
    "closed": [{"date": "2024-03-04", "from": "10:00", "to": "11:00"}, "2024-03-11"],
    "open": [{"date": "2024-03-09", "intervals": ["10:00-12:00", {"from": "13:00", "to": "14:00"}]},
             {"date": "2024-03-12", "intervals": ["10:00-11:00"], "replace": True}],
    "options": {"closure_splits_overnight": True, "half_day": "PT4H", "search_horizon_days": 400,
                "snap_deadline_to_open": True},
}


def jst(*fields):
    return int(datetime.datetime(*fields, tzinfo=JST).timestamp())


@pytest.fixture(scope="module")
def desk():
    return itsm.Calendar(README_EXAMPLE)


# ---- loading and answering ------------------------------------------------------------------


def test_readme_example(desk):
    assert desk.name == "desk"
    assert desk.zone == itsm.TimeZone("Asia/Tokyo")
    assert desk.is_open(jst(2024, 8, 10, 11, 59, 59))
    assert not desk.is_open(jst(2024, 8, 10, 12, 30))  # Saturday lunch break
    assert desk.is_open(datetime.datetime(2024, 8, 10, 13, 0, tzinfo=JST))
    assert not desk.is_business_day("2024-08-12")  # substitute holiday
    assert not desk.is_business_day(D(2024, 8, 13))  # closed
    assert desk.is_open(jst(2024, 12, 28, 11, 30))  # extra opening before the year end
    assert not desk.is_business_day("2024-12-30") and not desk.is_business_day("2025-01-03")
    assert desk.business_seconds(jst(2024, 8, 14), jst(2024, 8, 15)) == 9 * 3600


def test_operations(desk):
    t = jst(2024, 8, 10, 12, 30)  # Saturday, in the lunch break
    assert desk.next_open(t) == jst(2024, 8, 10, 13)
    assert desk.next_close(t) == jst(2024, 8, 10, 17)
    assert desk.add_business(jst(2024, 8, 9, 17), 2 * 3600) == jst(2024, 8, 10, 10)
    assert desk.add_business(jst(2024, 8, 9, 17), datetime.timedelta(hours=2)) == jst(2024, 8, 10, 10)
    assert desk.add_business(t, 0) == t
    assert desk.sub_business(jst(2024, 8, 10, 10), 2 * 3600) == jst(2024, 8, 9, 17)
    assert desk.business_seconds(jst(2024, 8, 15), jst(2024, 8, 14)) == -9 * 3600
    # Business days: Aug 12 holiday, Aug 13 closed.
    assert desk.business_days("2024-08-10", "2024-08-17") == 4  # Sat 10, Wed 14, Thu 15, Fri 16
    assert desk.business_days("2024-08-17", "2024-08-10") == -4
    assert desk.add_business_days(t, 1) == jst(2024, 8, 14, 12, 30)  # Wed 12:30 is open
    assert desk.add_business_days(t, 1, end_of_day=True) == jst(2024, 8, 14, 18)
    assert desk.end_of_business_day(t) == jst(2024, 8, 10, 17)
    assert desk.end_of_business_day(t, 1) == jst(2024, 8, 14, 18)
    assert desk.half_business_day(jst(2024, 8, 14, 9)) == jst(2024, 8, 14, 13, 30)
    assert desk.nth_business_day(2024, 9, 1) == jst(2024, 9, 2, 18)
    assert desk.to_local(jst(2024, 8, 14, 9)) == datetime.datetime(2024, 8, 14, 9, tzinfo=JST)


def test_add_business_days_keeps_the_time_of_day(desk):
    # Wednesday 12:30 is open: the same time on the next business day.
    assert desk.add_business_days(jst(2024, 8, 14, 12, 30), 1) == jst(2024, 8, 15, 12, 30)


def test_arguments(desk):
    with pytest.raises(TypeError, match="naive"):
        desk.is_open(datetime.datetime(2024, 8, 10, 12))
    with pytest.raises(TypeError):
        desk.is_business_day(datetime.datetime(2024, 8, 10, 12, tzinfo=JST))
    with pytest.raises(TypeError):
        desk.is_open("2024-08-10T12:00:00+09:00")
    with pytest.raises(itsm.ParseError):
        desk.is_business_day("2024/08/10")
    with pytest.raises(itsm.InvalidArgumentError):
        desk.add_business(0, -1)
    with pytest.raises(itsm.RangeError):
        desk.is_open(itsm.INSTANT_MAX + 1)


def test_other_sources_give_the_same_calendar(desk, tmp_path):
    text = json.dumps(README_EXAMPLE)
    assert itsm.Calendar(text) == desk
    assert itsm.Calendar(text.encode()) == desk
    path = tmp_path / "desk.json"
    path.write_text(text)
    assert itsm.Calendar.from_file(path) == desk
    # datetime.date values in a dict are written as dates.
    doc = copy.deepcopy(README_EXAMPLE)
    doc["closed"][0] = D(2024, 8, 13)
    assert itsm.Calendar(doc) == desk
    with pytest.raises(TypeError):
        itsm.Calendar(42)


# ---- canonical JSON -----------------------------------------------------------------------------


@pytest.mark.parametrize("doc", [README_EXAMPLE, FULL_EXAMPLE], ids=["readme", "full"])
def test_round_trip_is_identical(doc):
    first = itsm.Calendar(doc)
    text = first.to_json()
    second = itsm.Calendar(text)
    assert second.to_json() == text
    assert second == first and hash(second) == hash(first)
    assert text.endswith("\n") and json.loads(text)["itsm_schema"] == 1
    t0 = int(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
    instants = np.arange(t0, t0 + 366 * 86400, 4321, dtype=np.int64)
    assert np.array_equal(first.business_seconds_many(t0, instants), second.business_seconds_many(t0, instants))


def test_canonical_form(desk):
    out = desk.to_dict()
    assert list(out)[:4] == ["itsm_schema", "type", "name", "zone"]
    assert out["holidays"] == ["jp", "jp-year-end"]
    assert out["week"]["sat"] == ["09:00-12:00", "13:00-17:00"] and out["week"]["sun"] == []
    assert out["closed"] == README_EXAMPLE["closed"]
    assert out["open"] == README_EXAMPLE["open"]
    assert "options" not in out  # all defaults
    full = itsm.Calendar(FULL_EXAMPLE).to_dict()
    assert full["week"]["mon"] == ["09:00-13:00", {"from": "22:00", "to": "06:00", "overnight": True}]
    assert full["week"]["tue"] == ["08:30-17:15:30"]
    assert full["options"] == FULL_EXAMPLE["options"]
    assert full["open"][1] == {"date": "2024-03-12", "intervals": ["10:00-11:00"], "replace": True}
    assert full["holidays"][0] == "jp-year-end" and full["holidays"][1]["name"] == "vendor"


def test_pickle_and_equality(desk):
    back = pickle.loads(pickle.dumps(desk))
    assert type(back) is itsm.Calendar and back == desk and back is not desk
    assert back.business_seconds(jst(2024, 8, 1), jst(2024, 9, 1)) == desk.business_seconds(jst(2024, 8, 1),
                                                                                           jst(2024, 9, 1))
    other = copy.deepcopy(README_EXAMPLE)
    other["closed"] = []
    assert itsm.Calendar(other) != desk
    assert desk != "desk" and repr(desk) == "<itsm.Calendar 'desk' in Asia/Tokyo>"
    assert len({desk, back, itsm.Calendar(other)}) == 2


def test_holiday_sets_argument():
    vendor = itsm.HolidaySet({"name": "vendor", "dates": ["2024-08-14"]})
    doc = dict(README_EXAMPLE, holidays=["jp", "vendor"])
    cal = itsm.Calendar(doc, holiday_sets=[vendor])
    assert not cal.is_business_day("2024-08-14")
    # Also as a definition; and written inline, so the JSON loads without the set.
    assert itsm.Calendar(doc, holiday_sets=[vendor.definition]) == cal
    assert itsm.Calendar(cal.to_json()) == cal
    assert {"name": "vendor", "dates": ["2024-08-14"]} in cal.to_dict()["holidays"]
    with pytest.raises(itsm.NotFoundError, match=r'\$\.holidays\[1\]: unknown holiday set "vendor"'):
        itsm.Calendar(doc)
    with pytest.raises(TypeError):
        itsm.Calendar(doc, holiday_sets=vendor)
    with pytest.raises(TypeError):
        itsm_native.calendar_from_json(json.dumps(doc), [42])


# ---- errors ----------------------------------------------------------------------------------------


def with_changes(**changes):
    doc = copy.deepcopy(README_EXAMPLE)
    for key, value in changes.items():
        if value is None:
            del doc[key]
        else:
            doc[key] = value
    return doc


@pytest.mark.parametrize("doc, exc, message", [
    ('{"itsm_schema": 1,\n "type": }', itsm.ParseError, "line 2, column"),
    (with_changes(itsm_schema=2), itsm.VersionError, "$.itsm_schema: version 2 is newer than this library (1)"),
    (with_changes(itsm_schema=None), itsm.VersionError, '$: missing "itsm_schema"'),
    (with_changes(type="agreement"), itsm.InvalidArgumentError, '$.type: "agreement" is not "calendar"'),
    (with_changes(wek={}), itsm.InvalidArgumentError, "$.wek: unknown key"),
    (with_changes(week={"1": ["09:00-17:00"]}), itsm.InvalidArgumentError,
     '$.week["1"]: unknown key (expected one of: mon, tue, wed, thu, fri, sat, sun)'),
    (with_changes(week={"mon": ["09:00-12:00", "18:00-09:00"]}), itsm.InvalidArgumentError,
     '$.week.mon[1]: "18:00-09:00": end is not after start (use {"from","to","overnight":true})'),
    (with_changes(week={"sat": [{"from": "09:00", "to": "18:00", "overnight": True}]}), itsm.InvalidArgumentError,
     '$.week.sat[0]: "overnight": true needs "to" at or before "from"'),
    (with_changes(holidays=["jp", "jp-year-end", "jpp"]), itsm.NotFoundError,
     '$.holidays[2]: unknown holiday set "jpp"'),
    (with_changes(closed=["2024-02-30"]), itsm.RangeError, '$.closed[0]: "2024-02-30" is not a date'),
    (with_changes(zone="Asia/Tokio"), itsm.NotFoundError, "$.zone: "),
    (with_changes(options={"half_dya": "PT4H"}), itsm.InvalidArgumentError, "$.options.half_dya: unknown key"),
    (with_changes(week={}, open=None), itsm.InvalidArgumentError, "$: "),
])
def test_errors_name_their_json_path(doc, exc, message):
    with pytest.raises(exc) as info:
        itsm.Calendar(doc)
    assert message in str(info.value)
    assert isinstance(info.value, itsm.Error) and info.value.message == str(info.value)


def test_failures_and_calendars_leak_nothing():
    itsm.Calendar(README_EXAMPLE).to_json()  # warm up anything loaded once
    gc.collect()
    before = itsm_native.live_allocations()
    cals = [itsm.Calendar(FULL_EXAMPLE) for _ in range(5)]
    assert itsm_native.live_allocations() > before
    assert all(c.to_json() for c in cals)
    for doc in (with_changes(holidays=["nope"]), with_changes(week={"mon": ["x"]}), "{",
                with_changes(week={}, open=None)):
        with pytest.raises(itsm.Error):
            itsm.Calendar(doc)
    del cals
    gc.collect()
    assert itsm_native.live_allocations() == before


# ---- JSON Schema -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    if not hasattr(jsonschema, "Draft202012Validator"):
        pytest.skip("this jsonschema has no draft 2020-12 validator")
    with open(SCHEMA_PATH, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("doc", [README_EXAMPLE, FULL_EXAMPLE], ids=["readme", "full"])
def test_schema_accepts_examples_and_canonical_output(validator, doc):
    assert list(validator.iter_errors(doc)) == []
    assert list(validator.iter_errors(itsm.Calendar(doc).to_dict())) == []


def test_schema_accepts_the_example_files(validator):
    data = os.path.join(os.path.dirname(SCHEMA_PATH), "..", "..", "examples", "data")
    names = sorted(n for n in os.listdir(data) if n.endswith("calendar.json")) if os.path.isdir(data) else []
    for name in names:
        with open(os.path.join(data, name), encoding="utf-8") as f:
            doc = json.load(f)
        assert list(validator.iter_errors(doc)) == [], name
        assert list(validator.iter_errors(itsm.Calendar(doc).to_dict())) == [], name


@pytest.mark.parametrize("doc", [
    with_changes(itsm_schema=2), with_changes(type="agreement"), with_changes(wek={}),
    with_changes(week={"1": []}), with_changes(week={"mon": ["9-17"]}), with_changes(closed=["2024-1-1"]),
    with_changes(open=[{"date": "2024-01-06", "intervals": []}]), with_changes(options={"half_day": "PT0S"}),
    with_changes(holidays=[{"name": "v", "fixed": [{"month": 5, "day": 1, "bogus": 1}]}]),
    with_changes(week={"mon": [{"from": "22:00", "to": "06:00", "overnight": "yes"}]}),
], ids=lambda d: next(iter(k for k in d if d[k] != README_EXAMPLE.get(k)), "doc"))
def test_schema_and_loader_both_reject(validator, doc):
    assert list(validator.iter_errors(doc)) != []
    with pytest.raises(itsm.Error):
        itsm.Calendar(doc)


# ---- batch methods -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spans():
    rng = np.random.default_rng(11)
    start = jst(2024, 1, 1)
    a = rng.integers(start, start + 2 * 366 * 86400, size=3000, dtype=np.int64)
    b = a + rng.integers(-20 * 86400, 40 * 86400, size=a.size, dtype=np.int64)
    return a, b


def test_business_seconds_many_equals_scalar(desk, spans):
    a, b = spans
    out = desk.business_seconds_many(a, b)
    assert out.dtype == np.int64 and out.shape == a.shape
    assert out.tolist() == [desk.business_seconds(int(x), int(y)) for x, y in zip(a, b)]
    # Broadcasting, shapes and datetime64 input.
    assert np.array_equal(desk.business_seconds_many(a[0], b), [desk.business_seconds(int(a[0]), int(y)) for y in b])
    grid = desk.business_seconds_many(a[:6].reshape(2, 3), b[:6].reshape(2, 3))
    assert grid.shape == (2, 3) and np.array_equal(grid.reshape(-1), out[:6])
    assert np.array_equal(desk.business_seconds_many(a.astype("datetime64[s]"), b), out)
    assert desk.business_seconds_many([], []).shape == (0,)


def test_add_business_many_equals_scalar(desk, spans):
    a, _ = spans
    seconds = np.arange(a.size, dtype=np.int64) * 97 % (40 * 3600)
    out = desk.add_business_many(a, seconds)
    assert out.dtype == np.int64 and out.shape == a.shape
    assert out.tolist() == [desk.add_business(int(t), int(s)) for t, s in zip(a, seconds)]
    # A scalar length of time is broadcast.
    assert np.array_equal(desk.add_business_many(a, 3600), [desk.add_business(int(t), 3600) for t in a])
    assert np.array_equal(desk.add_business_many(a, datetime.timedelta(hours=1)), desk.add_business_many(a, 3600))
    assert np.array_equal(desk.add_business_many(a, np.timedelta64(60, "m")), desk.add_business_many(a, 3600))


def test_batch_errors(desk, spans):
    a, b = spans
    bad = a.copy()
    bad[7] = 10**12
    with pytest.raises(itsm.RangeError, match="7"):
        desk.business_seconds_many(bad, b)
    negative = np.full(a.shape, 60, dtype=np.int64)
    negative[5] = -1
    with pytest.raises(itsm.InvalidArgumentError, match="5"):
        desk.add_business_many(a, negative)
    with pytest.raises(ValueError):
        desk.business_seconds_many(a, b[:-1])  # shapes do not broadcast
    with pytest.raises(TypeError):
        desk.business_seconds_many(a.astype(float), b)
    with pytest.raises(itsm.InvalidArgumentError, match="differ in length"):
        itsm_native.calendar_business_seconds_many(desk._handle, a, b[:-1])
    with pytest.raises(TypeError):
        itsm_native.calendar_add_business_many(desk._handle, a, b.astype(np.int32))


def test_batch_from_many_threads(desk, spans):
    """The GIL is released during the C call: concurrent calls must still be exact."""
    a, b = spans
    expected = desk.business_seconds_many(a, b)
    results = []

    def work():
        results.append(all(np.array_equal(desk.business_seconds_many(a, b), expected) for _ in range(20)))

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True] * 6


# ---- against a brute-force model ----------------------------------------------------------------------


def test_business_seconds_against_brute_force():
    """Mon-Fri 09:00-12:00 and 13:00-18:00 UTC, a closure and an extra Saturday: counted
    minute by minute."""
    cal = itsm.Calendar({
        "itsm_schema": 1, "type": "calendar", "name": "m", "zone": "UTC",
        "week": {d: ["09:00-12:00", "13:00-18:00"] for d in ("mon", "tue", "wed", "thu", "fri")},
        "closed": [{"date": "2024-03-06", "from": "10:00", "to": "15:00"}],
        "open": [{"date": "2024-03-09", "intervals": ["10:00-11:00"]}]})
    t0 = int(datetime.datetime(2024, 3, 3, tzinfo=datetime.timezone.utc).timestamp())
    minutes = np.arange(t0, t0 + 8 * 86400, 60, dtype=np.int64)
    tod = (minutes - t0) % 86400
    day = (minutes - t0) // 86400  # 0 = Sunday 2024-03-03
    weekday = (day + 6) % 7  # 0 = Monday
    open_ = (weekday < 5) & (((tod >= 9 * 3600) & (tod < 12 * 3600)) | ((tod >= 13 * 3600) & (tod < 18 * 3600)))
    open_ &= ~((day == 3) & (tod >= 10 * 3600) & (tod < 15 * 3600))
    open_ |= (day == 6) & (tod >= 10 * 3600) & (tod < 11 * 3600)
    cumulative = np.concatenate([[0], np.cumsum(open_) * 60])
    for i in range(0, minutes.size, 37):
        for j in range(i, minutes.size, 211):
            assert cal.business_seconds(int(minutes[i]), int(minutes[j])) == cumulative[j] - cumulative[i]
    assert cal.is_open(int(minutes[0]) + 6 * 86400 + 10 * 3600)  # the extra Saturday


# ---- the native layer --------------------------------------------------------------------------------


def test_native_spec_and_calendar():
    spec = itsm_native.calendar_spec_new("plain", "UTC", None)
    assert type(spec) is itsm_native.NativeCalendarSpec
    itsm_native.calendar_spec_add_interval(spec, 1, 9 * 3600, 17 * 3600, itsm_native.INTERVAL_SAME_DAY)
    itsm_native.calendar_spec_add_interval(spec, 5, 22 * 3600, 6 * 3600, itsm_native.INTERVAL_OVERNIGHT)
    itsm_native.calendar_spec_add_holidays(spec, itsm_native.holiday_set_builtin("jp-year-end"))
    itsm_native.calendar_spec_close_date(spec, (2024, 1, 8))
    itsm_native.calendar_spec_set_option(spec, itsm_native.CAL_HALF_DAY_SECONDS, 4 * 3600)
    cal = itsm_native.calendar_compile(spec)
    assert type(cal) is itsm_native.NativeCalendar
    assert itsm_native.calendar_name(cal) == "plain"
    assert itsm_native.calendar_zone_name(cal) == "UTC"
    monday = int(datetime.datetime(2024, 1, 15, 10, tzinfo=datetime.timezone.utc).timestamp())
    assert itsm_native.calendar_is_open(cal, monday) is True
    assert itsm_native.calendar_is_business_day(cal, (2024, 1, 8)) is False
    doc = json.loads(itsm_native.calendar_to_json(cal))
    assert doc["week"]["mon"] == ["09:00-17:00"]
    assert doc["week"]["fri"] == [{"from": "22:00", "to": "06:00", "overnight": True}]
    assert doc["holidays"] == ["jp-year-end"] and doc["closed"] == ["2024-01-08"]
    assert doc["options"] == {"half_day": "PT4H"}
    assert itsm.Calendar(json.dumps(doc)).to_dict() == doc
    with pytest.raises(itsm.InvalidArgumentError):
        itsm_native.calendar_spec_add_interval(spec, 8, 0, 3600, 0)
    with pytest.raises(AttributeError, match="No constructor"):
        itsm_native.NativeCalendar()
