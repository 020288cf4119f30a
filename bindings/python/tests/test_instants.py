"""parse_instant / format_instant and the ways an instant can be given."""

import datetime
import random

import numpy as np
import pytest

import itsm

UTC = datetime.timezone.utc


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1970-01-01T00:00:00Z", 0),
        ("2024-05-01T00:00:00Z", 1714521600),
        ("2024-05-01T09:00:00+09:00", 1714521600),
        ("2024-05-01T09:00+0900", 1714521600),
        ("2024-05-01 09:00+09", 1714521600),
        ("2024-05-01t00:00z", 1714521600),
        ("2024-04-30T20:30:00-03:30", 1714521600),
        ("2024-05-01T00:00:00.000Z", 1714521600),
        ("2024-04-30T24:00Z", 1714521600),
        ("1900-01-01T00:00:00Z", itsm.INSTANT_MIN),
        ("2200-12-31T23:59:59Z", itsm.INSTANT_MAX),
    ],
)
def test_parse(text, expected):
    assert itsm.parse_instant(text) == expected
    assert itsm.parse_instant(text.encode()) == expected  # bytes work too


def test_parse_local_text_needs_a_zone(tokyo, amsterdam):
    assert itsm.parse_instant("2024-05-01T09:00:00", tokyo) == 1714521600
    assert itsm.parse_instant("2024-05-01T09:00:00", "Asia/Tokyo") == 1714521600
    assert itsm.parse_instant("2024-05-01T09:00:00", 9 * 3600) == 1714521600
    # An explicit offset wins over the zone.
    assert itsm.parse_instant("2024-05-01T00:00:00Z", tokyo) == 1714521600
    # Default policy in the gap: shifted forward (02:30 -> 03:30 CEST = 01:30Z).
    assert itsm.parse_instant("2024-03-31T02:30:00", amsterdam) == itsm.parse_instant(
        "2024-03-31T01:30:00Z"
    )
    with pytest.raises(itsm.ParseError, match="offset 19"):
        itsm.parse_instant("2024-05-01T09:00:00")


@pytest.mark.parametrize(
    "text, offset",
    [
        ("", 0),
        ("2024-05-01X", 10),
        ("2024-05-01T00:00:00.5Z", 20),
        ("2024-05-01T00:00:00Z junk", 20),
        ("2024-05-01T00:00:00Z\x00", 20),  # an embedded NUL is not cut off silently
    ],
)
def test_parse_errors_name_the_offset(text, offset):
    with pytest.raises(itsm.ParseError) as info:
        itsm.parse_instant(text)
    assert f"offset {offset}" in str(info.value)
    assert isinstance(info.value, ValueError)
    assert info.value.code == itsm.ErrorCode.EPARSE


@pytest.mark.parametrize(
    "text", ["1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z", "2024-13-01T00:00Z",
             "2024-05-01T00:00:00+24:00"]
)
def test_parse_range_errors(text):
    with pytest.raises(itsm.RangeError):
        itsm.parse_instant(text)


def test_parse_rejects_non_text():
    with pytest.raises(TypeError):
        itsm.parse_instant(1714521600)


def test_format(tokyo, amsterdam, new_york):
    t = 1714521600
    assert itsm.format_instant(t) == "2024-05-01T00:00:00Z"
    assert itsm.format_instant(t, tokyo) == "2024-05-01T09:00:00+09:00"
    assert itsm.format_instant(t, "Asia/Tokyo") == "2024-05-01T09:00:00+09:00"
    assert itsm.format_instant(t, 9 * 3600) == "2024-05-01T09:00:00+09:00"
    assert itsm.format_instant(t, datetime.timedelta(hours=-3, minutes=-30)) == (
        "2024-04-30T20:30:00-03:30"
    )
    assert itsm.format_instant(t, amsterdam) == "2024-05-01T02:00:00+02:00"
    assert itsm.format_instant(t, new_york) == "2024-04-30T20:00:00-04:00"
    assert itsm.format_instant(t, "UTC") == "2024-05-01T00:00:00+00:00"
    assert itsm.format_instant(0, 3661) == "1970-01-01T01:01:01+01:01:01"


def test_format_range_error():
    with pytest.raises(itsm.RangeError):
        itsm.format_instant(itsm.INSTANT_MAX + 1)
    with pytest.raises(itsm.RangeError):
        itsm.format_instant(itsm.INSTANT_MIN - 1)


def test_format_bad_zone_argument():
    with pytest.raises(TypeError, match="zone"):
        itsm.format_instant(0, 1.5)
    with pytest.raises(itsm.NotFoundError, match="No/Such_Zone"):
        itsm.format_instant(0, "No/Such_Zone")


def test_round_trips(tokyo, amsterdam, new_york):
    rng = random.Random(20240331)
    zones = [None, tokyo, amsterdam, new_york, "America/Sao_Paulo", -12600, "UTC"]
    # From 1950: earlier, some zones were on local mean time, see the test below.
    start = itsm.parse_instant("1950-01-01T00:00:00Z")
    for _ in range(2000):
        t = rng.randrange(start, itsm.INSTANT_MAX + 1)
        for zone in zones:
            text = itsm.format_instant(t, zone)
            assert itsm.parse_instant(text) == t, (t, zone, text)
            assert itsm.format_instant(itsm.parse_instant(text), zone) == text


def test_round_trip_with_local_mean_time(amsterdam):
    # Local mean time offsets have seconds; they are written and read back as +hh:mm:ss.
    t = itsm.parse_instant("1914-03-02T15:12:04Z")
    text = itsm.format_instant(t, amsterdam)
    assert text == "1914-03-02T15:31:36+00:19:32"
    assert itsm.parse_instant(text) == t


# ---- instants as datetime, numpy and friends --------------------------------------------------


def test_aware_datetime_equals_int(tokyo, amsterdam):
    t = 1711848600  # 2024-03-31T01:30:00Z
    forms = [
        datetime.datetime(2024, 3, 31, 1, 30, tzinfo=UTC),
        datetime.datetime(2024, 3, 31, 10, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=9))),
        tokyo.to_local(t),
        amsterdam.to_local(t),
        np.int64(t),
        np.int32(t),
        np.uint64(t),
        np.datetime64("2024-03-31T01:30:00"),
        np.datetime64(t * 1000, "ms"),
    ]
    for form in forms:
        assert itsm.format_instant(form) == itsm.format_instant(t), form
        assert tokyo.utc_offset(form) == tokyo.utc_offset(t)
        assert amsterdam.info(form) == amsterdam.info(t)
        assert amsterdam.to_local(form) == amsterdam.to_local(t)
        assert amsterdam.next_transition(form) == amsterdam.next_transition(t)


def test_zoneinfo_datetime_is_accepted(amsterdam):
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        zi = zoneinfo.ZoneInfo("Europe/Amsterdam")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("zoneinfo has no Europe/Amsterdam")
    # 02:30 on 2024-10-27 twice: fold=0 is CEST, fold=1 is CET.
    first = datetime.datetime(2024, 10, 27, 2, 30, tzinfo=zi, fold=0)
    second = datetime.datetime(2024, 10, 27, 2, 30, tzinfo=zi, fold=1)
    assert itsm.format_instant(first, amsterdam) == "2024-10-27T02:30:00+02:00"
    assert itsm.format_instant(second, amsterdam) == "2024-10-27T02:30:00+01:00"


def test_naive_datetime_is_rejected(amsterdam):
    naive = datetime.datetime(2024, 3, 31, 1, 30)
    for call in (itsm.format_instant, amsterdam.utc_offset, amsterdam.to_local,
                 amsterdam.info, amsterdam.next_transition):
        with pytest.raises(TypeError, match="naive datetime"):
            call(naive)


def test_other_non_instants_are_rejected(amsterdam):
    with pytest.raises(TypeError, match="bool"):
        itsm.format_instant(True)
    with pytest.raises(TypeError, match="bool"):
        amsterdam.utc_offset(np.bool_(False))
    with pytest.raises(TypeError):
        itsm.format_instant(1714521600.0)
    with pytest.raises(TypeError):
        itsm.format_instant("2024-05-01T00:00:00Z")
    with pytest.raises(TypeError, match="date"):
        amsterdam.utc_offset(datetime.date(2024, 5, 1))
    with pytest.raises(ValueError, match="whole second"):
        itsm.format_instant(datetime.datetime(2024, 5, 1, 0, 0, 0, 500, tzinfo=UTC))
    with pytest.raises(ValueError, match="whole seconds"):
        itsm.format_instant(np.datetime64("2024-05-01T00:00:00.5"))
    with pytest.raises(ValueError, match="NaT"):
        itsm.format_instant(np.datetime64("NaT", "s"))


def test_huge_integers_are_range_errors(amsterdam):
    for value in (2**63, -(2**63) - 1, 10**30):
        with pytest.raises(itsm.RangeError, match="64 bits"):
            itsm.format_instant(value)
        with pytest.raises(itsm.RangeError):
            amsterdam.utc_offset(value)
    # In int64 but outside 1900..2200: the C library's own range check.
    with pytest.raises(itsm.RangeError, match="supported range"):
        amsterdam.utc_offset(2**62)
