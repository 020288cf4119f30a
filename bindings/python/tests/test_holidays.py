"""Holiday sets: built-in Japanese holidays, custom sets from dicts, japan_holidays()."""

import datetime
import gc
import pickle

import pytest

import itsm
from itsm import itsm_native

D = datetime.date

VENDOR = {
    "name": "vendor",
    "dates": ["2024-08-14", {"date": D(2024, 8, 15), "name": "お盆"}],
    "fixed": [{"month": 5, "day": 1, "name": "Labour Day", "from_year": 2000}],
    "nth_weekday": [{"month": 11, "nth": -1, "weekday": "fri", "name": "Black Friday", "to_year": 2030}],
    "ranges": [{"from": "12-29", "to": "01-03", "name": "年末年始"}],
}


def test_japan_holidays_2024():
    days = itsm.japan_holidays(2024, 2024)
    assert len(days) == 21
    assert days == sorted(days)
    assert all(isinstance(d, D) and isinstance(n, str) and n for d, n in days)
    names = dict(days)
    assert names[D(2024, 1, 1)] == "元日"
    assert names[D(2024, 1, 8)] == "成人の日"
    assert names[D(2024, 2, 12)] == "振替休日"
    assert names[D(2024, 11, 23)] == "勤労感謝の日"
    assert D(2024, 12, 31) not in names


def test_japan_holidays_span_and_errors():
    days = itsm.japan_holidays(2019, 2020)
    names = dict(days)
    assert names[D(2019, 4, 30)] == "国民の休日"
    assert {d.year for d, _ in days} == {2019, 2020}
    assert itsm.japan_holidays(2150, 2150)[0][0] == D(2150, 1, 1)
    with pytest.raises(itsm.RangeError):
        itsm.japan_holidays(2151, 2151)
    with pytest.raises(itsm.InvalidArgumentError):
        itsm.japan_holidays(2025, 2024)


def test_japan_holiday():
    assert itsm.japan_holiday("2024-05-06") == "振替休日"
    assert itsm.japan_holiday(D(2024, 5, 7)) is None
    with pytest.raises(TypeError):
        itsm.japan_holiday(datetime.datetime(2024, 5, 6))
    with pytest.raises(itsm.ParseError):
        itsm.japan_holiday("2024/05/06")


def test_builtin_sets():
    jp = itsm.HolidaySet("jp")
    assert jp.name == "jp" and jp.is_builtin and jp.definition == "jp"
    assert jp.lookup("2024-01-01") == "元日"
    assert jp.lookup("2024-01-02") is None
    assert "2024-01-01" in jp and D(2024, 1, 2) not in jp
    assert jp.span == (D(1900, 1, 1), D(2150, 12, 31))
    with pytest.raises(itsm.RangeError):
        jp.lookup("2151-01-01")
    year_end = itsm.HolidaySet("jp-year-end")
    assert year_end.lookup("2024-12-31") == "年末年始"
    assert [d for d, _ in year_end.holidays("2024-12-01", "2025-01-31")] == [
        D(2024, 12, 29), D(2024, 12, 30), D(2024, 12, 31), D(2025, 1, 1), D(2025, 1, 2), D(2025, 1, 3)]
    assert itsm.BUILTIN_HOLIDAY_SETS == ("jp", "jp-year-end")
    with pytest.raises(itsm.NotFoundError, match="jpp"):
        itsm.HolidaySet("jpp")


def test_custom_set():
    vendor = itsm.HolidaySet(VENDOR)
    assert vendor.name == "vendor" and not vendor.is_builtin
    assert vendor.lookup("2024-08-14") == ""  # unnamed
    assert vendor.lookup("2024-08-15") == "お盆"
    assert vendor.lookup("2024-05-01") == "Labour Day"
    assert vendor.lookup("1999-05-01") is None  # before from_year
    assert vendor.lookup("2024-11-29") == "Black Friday"
    assert vendor.lookup("2031-11-28") is None  # after to_year
    assert vendor.lookup("2025-01-02") == "年末年始"
    assert vendor.holidays("2024-12-28", "2025-01-04") == [
        (D(2024, 12, 29), "年末年始"), (D(2024, 12, 30), "年末年始"), (D(2024, 12, 31), "年末年始"),
        (D(2025, 1, 1), "年末年始"), (D(2025, 1, 2), "年末年始"), (D(2025, 1, 3), "年末年始")]
    assert vendor.span == (D(1900, 1, 1), D(2200, 12, 31))
    # The definition is kept as plain JSON (dates as text) and copied out.
    definition = vendor.definition
    assert definition["dates"][1] == {"date": "2024-08-15", "name": "お盆"}
    definition["name"] = "changed"
    assert vendor.definition["name"] == "vendor"
    assert itsm.HolidaySet.from_json(vendor.to_json()) == vendor


def test_feb_29_rule_occurs_in_leap_years_only():
    s = itsm.HolidaySet({"name": "leap", "fixed": [{"month": 2, "day": 29, "name": "leap day"}]})
    assert s.lookup("2024-02-29") == "leap day"
    assert [d.year for d, _ in s.holidays("2021-01-01", "2028-12-31")] == [2024, 2028]


@pytest.mark.parametrize("definition, exc, message", [
    ({"dates": []}, itsm.InvalidArgumentError, '$: missing required key "name"'),
    ({"name": "bad name"}, itsm.InvalidArgumentError, "$.name: "),
    ({"name": "v", "date": []}, itsm.InvalidArgumentError, "$.date: unknown key (expected one of: name, include, dates"),
    ({"name": "v", "dates": "2024-01-01"}, itsm.InvalidArgumentError, "$.dates: expected an array"),
    ({"name": "v", "dates": ["2024-02-30"]}, itsm.RangeError, "$.dates[0]: "),
    ({"name": "v", "dates": [20240101]}, itsm.InvalidArgumentError, "$.dates[0]"),
    ({"name": "v", "dates": [{"date": "2024-01-01", "nme": "x"}]}, itsm.InvalidArgumentError,
     "$.dates[0].nme: unknown key"),
    ({"name": "v", "fixed": [{"month": 13, "day": 1}]}, itsm.InvalidArgumentError, "$.fixed[0]: "),
    ({"name": "v", "fixed": [{"month": 5}]}, itsm.InvalidArgumentError, '$.fixed[0]: missing required key "day"'),
    ({"name": "v", "fixed": [{"month": "5", "day": 1}]}, itsm.InvalidArgumentError,
     "$.fixed[0].month: expected an integer"),
    ({"name": "v", "fixed": [{"month": 5, "day": 1, "from_year": 1800}]}, itsm.RangeError, "$.fixed[0]: "),
    ({"name": "v", "nth_weekday": [{"month": 11, "nth": -1, "weekday": "friday"}]}, itsm.InvalidArgumentError,
     '$.nth_weekday[0].weekday: "friday" is not a weekday'),
    ({"name": "v", "nth_weekday": [{"month": 11, "nth": 6, "weekday": "fri"}]}, itsm.InvalidArgumentError,
     "$.nth_weekday[0]: "),
    ({"name": "v", "ranges": [{"from": "12/29", "to": "01-03"}]}, itsm.InvalidArgumentError,
     '$.ranges[0].from: "12/29" is not a month and day'),
    ({"name": "v", "ranges": [{"from": "12-29", "to": "02-30"}]}, itsm.InvalidArgumentError, "$.ranges[0].to: "),
])
def test_bad_definitions_name_their_path(definition, exc, message):
    with pytest.raises(exc) as info:
        itsm.HolidaySet(definition)
    assert message in str(info.value)


def test_wrong_types():
    with pytest.raises(TypeError):
        itsm.HolidaySet(42)
    with pytest.raises(TypeError):
        itsm.HolidaySet("jp").lookup(datetime.datetime(2024, 1, 1))
    with pytest.raises(itsm.InvalidArgumentError):
        itsm.HolidaySet.from_json("[1]")


def test_equality_hash_pickle():
    a, b = itsm.HolidaySet(VENDOR), itsm.HolidaySet(dict(reversed(list(VENDOR.items()))))
    assert a == b and hash(a) == hash(b)
    assert a != itsm.HolidaySet("jp") and itsm.HolidaySet("jp") == itsm.HolidaySet("jp")
    for s in (a, itsm.HolidaySet("jp-year-end")):
        back = pickle.loads(pickle.dumps(s))
        assert back == s and type(back) is itsm.HolidaySet
        assert back.holidays("2024-01-01", "2024-12-31") == s.holidays("2024-01-01", "2024-12-31")
    assert repr(itsm.HolidaySet("jp")) == "itsm.HolidaySet('jp')"


def test_native_layer():
    handle = itsm_native.holiday_set_new("mine")
    assert type(handle) is itsm_native.NativeHolidaySet
    itsm_native.holiday_set_add_date(handle, (2024, 1, 2), None)
    assert itsm_native.holiday_set_lookup(handle, (2024, 1, 2)) == ""
    assert itsm_native.holiday_set_list(handle, (2024, 1, 1), (2024, 1, 31)) == [((2024, 1, 2), "")]
    assert itsm_native.holiday_set_span(handle) == ((1900, 1, 1), (2200, 12, 31))
    assert itsm_native.japan_holiday((2024, 1, 1)) == "元日"
    with pytest.raises(AttributeError, match="No constructor"):
        itsm_native.NativeHolidaySet()  # only libitsm creates sets


def test_sets_are_freed():
    gc.collect()
    before = itsm_native.live_allocations()
    sets = [itsm.HolidaySet(VENDOR) for _ in range(20)] + [itsm.HolidaySet("jp") for _ in range(20)]
    assert itsm_native.live_allocations() > before
    for _ in range(20):
        with pytest.raises(itsm.Error):
            itsm.HolidaySet({"name": "v", "dates": ["2024-01-01"], "fixed": [{"month": 13, "day": 1}]})
    del sets
    gc.collect()
    assert itsm_native.live_allocations() == before


def test_include_form_round_trips_through_a_calendar():
    # A jp copy plus company days: the calendar writes it with "include", and the set
    # built from that definition is the same set (span limit included).
    own = itsm.HolidaySet({"name": "company", "include": ["jp"], "dates": ["2024-08-14"]})
    assert own.lookup("2024-08-12") == "振替休日"
    assert own.lookup("2024-08-14") == ""
    assert own.span[1] == datetime.date(2150, 12, 31)
    cal = itsm.Calendar({"itsm_schema": 1, "type": "calendar", "name": "c", "zone": "Asia/Tokyo",
                         "week": {"mon": ["09:00-18:00"]}, "holidays": ["company"]}, holiday_sets=[own])
    (written,) = cal.to_dict()["holidays"]
    assert written["include"] == ["jp"]
    assert itsm.HolidaySet(written) == own
