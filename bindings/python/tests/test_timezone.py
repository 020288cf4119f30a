"""itsm.TimeZone: construction, offsets, local times and DST gaps/overlaps."""

import copy
import datetime
import os
import pickle
import shutil

import numpy as np
import pytest

import itsm
from conftest import ZONEINFO_DIR

P = itsm.LocalPolicy

# Europe/Amsterdam 2024: the clocks go 02:00 CET -> 03:00 CEST on 2024-03-31 (01:00Z)
# and 03:00 CEST -> 02:00 CET on 2024-10-27 (01:00Z).
AMS_SPRING = 1711846800  # 2024-03-31T01:00:00Z
AMS_FALL = 1729990800  # 2024-10-27T01:00:00Z


def iso(t, zone):
    return itsm.format_instant(t, zone)


# ---- construction and identity ------------------------------------------------------------


def test_names_and_fixed_offsets():
    assert itsm.TimeZone("Asia/Tokyo").name == "Asia/Tokyo"
    assert itsm.TimeZone("UTC").name == "UTC"
    assert itsm.TimeZone(9 * 3600).name == "+09:00"
    assert itsm.TimeZone(-12600).name == "-03:30"
    assert itsm.TimeZone("+09").name == "+09:00"
    assert itsm.TimeZone(datetime.timedelta(hours=5, minutes=45)).name == "+05:45"
    fixed = itsm.TimeZone("-0330")
    assert fixed.utc_offset(0) == fixed.utc_offset(AMS_SPRING) == -12600
    assert fixed.next_transition(0) is None
    assert str(fixed) == "-03:30"


def test_unknown_zone_is_not_found_naming_it():
    with pytest.raises(itsm.NotFoundError, match="Mars/Olympus_Mons") as info:
        itsm.TimeZone("Mars/Olympus_Mons")
    assert isinstance(info.value, LookupError)
    assert info.value.code == itsm.ErrorCode.ENOTFOUND


@pytest.mark.parametrize(
    "spec, exc",
    [
        ("", itsm.InvalidArgumentError),
        ("../etc/passwd", itsm.InvalidArgumentError),
        ("/etc/localtime", itsm.InvalidArgumentError),
        ("Asia/Tokyo\x00junk", itsm.InvalidArgumentError),
        ("+25:00", itsm.InvalidArgumentError),
        (86400, itsm.InvalidArgumentError),
        (2**40, itsm.RangeError),
        (True, TypeError),
        (9.0, TypeError),
        (None, TypeError),
    ],
)
def test_bad_specs(spec, exc):
    with pytest.raises(exc):
        itsm.TimeZone(spec)


def test_zoneinfo_dir(tmp_path, tokyo):
    (tmp_path / "Test").mkdir()
    shutil.copy(os.path.join(ZONEINFO_DIR, "Asia/Tokyo"), tmp_path / "Test" / "Zone")
    (tmp_path / "Test" / "Garbage").write_bytes(b"not a TZif file at all, sorry")
    zone = itsm.TimeZone("Test/Zone", tmp_path)  # path-like
    assert zone.name == "Test/Zone" and zone.zoneinfo_dir == str(tmp_path)
    assert zone.utc_offset(0) == tokyo.utc_offset(0) == 32400
    with pytest.raises(itsm.NotFoundError, match="Asia/Tokyo"):
        itsm.TimeZone("Asia/Tokyo", tmp_path)
    with pytest.raises(itsm.FormatError):
        itsm.TimeZone("Test/Garbage", tmp_path)
    with pytest.raises(itsm.FileError) as info:
        itsm.TimeZone("Test", tmp_path)  # a directory
    assert isinstance(info.value, OSError)


def test_leap_second_zones_are_refused():
    if not os.path.isfile(os.path.join(ZONEINFO_DIR, "right/Asia/Tokyo")):
        pytest.skip("no right/ zones installed")
    with pytest.raises(itsm.FormatError, match="leap"):
        itsm.TimeZone("right/Asia/Tokyo")


def test_repr_eq_hash(tokyo):
    assert repr(itsm.TimeZone("Asia/Tokyo")) == "itsm.TimeZone('Asia/Tokyo')"
    assert repr(itsm.TimeZone(3600)) == "itsm.TimeZone(3600)"
    assert repr(tokyo) == f"itsm.TimeZone('Asia/Tokyo', zoneinfo_dir={ZONEINFO_DIR!r})"
    assert itsm.TimeZone("Asia/Tokyo") == tokyo  # equal by name
    assert hash(itsm.TimeZone("Asia/Tokyo")) == hash(tokyo)
    assert itsm.TimeZone(3600) == itsm.TimeZone("+01:00")
    assert itsm.TimeZone("Asia/Tokyo") != itsm.TimeZone(9 * 3600)
    assert tokyo != "Asia/Tokyo"
    assert len({tokyo, itsm.TimeZone("Asia/Tokyo"), itsm.TimeZone("UTC")}) == 2


@pytest.mark.parametrize("spec", ["Europe/Amsterdam", "UTC", "+05:30", -12600])
def test_pickle_round_trip(spec):
    zone = itsm.TimeZone(spec)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(zone, protocol))
        assert type(again) is itsm.TimeZone
        assert again == zone and again.name == zone.name and repr(again) == repr(zone)
        assert again._handle is not zone._handle  # a zone of its own, loaded again
        for t in (0, AMS_SPRING - 1, AMS_SPRING, AMS_FALL):
            assert again.info(t) == zone.info(t)
    assert copy.deepcopy(zone) == zone


def test_pickle_keeps_zoneinfo_dir(tmp_path):
    (tmp_path / "Test").mkdir()
    shutil.copy(os.path.join(ZONEINFO_DIR, "Europe/Amsterdam"), tmp_path / "Test" / "Ams")
    zone = itsm.TimeZone("Test/Ams", str(tmp_path))
    again = pickle.loads(pickle.dumps(zone))
    assert again.zoneinfo_dir == str(tmp_path)
    assert again.utc_offset(AMS_SPRING) == 7200
    assert zone.__reduce__() == (itsm.TimeZone, ("Test/Ams", str(tmp_path)))


def test_no_raw_pointers_in_the_public_object(tokyo):
    assert set(itsm.TimeZone.__slots__) == {"_handle", "_spec", "_zoneinfo_dir", "_name",
                                            "__weakref__"}
    assert not hasattr(tokyo, "__dict__")
    with pytest.raises(AttributeError):
        tokyo.name = "Europe/Paris"


# ---- offsets ---------------------------------------------------------------------------------


def test_tokyo_offsets(tokyo):
    assert tokyo.utc_offset(0) == 32400
    assert tokyo.utc_offset(AMS_SPRING) == 32400
    assert tokyo.info(AMS_SPRING) == (32400, False, "JST")
    # Japan kept DST from 1948 to 1951; 1950's ended at 01:00 JDT on Sunday 10 September.
    summer_1950 = itsm.parse_instant("1950-07-01T00:00:00Z")
    assert tokyo.info(summer_1950) == (36000, True, "JDT")
    end = tokyo.next_transition(summer_1950)
    assert end == itsm.parse_instant("1950-09-09T15:00:00Z")
    assert iso(end - 1, tokyo) == "1950-09-10T00:59:59+10:00"
    assert iso(end, tokyo) == "1950-09-10T00:00:00+09:00"
    assert tokyo.next_transition(itsm.parse_instant("2000-01-01T00:00:00Z")) is None


def test_amsterdam_dst(amsterdam):
    assert amsterdam.utc_offset(AMS_SPRING - 1) == 3600
    assert amsterdam.utc_offset(AMS_SPRING) == 7200
    assert amsterdam.utc_offset(AMS_FALL - 1) == 7200
    assert amsterdam.utc_offset(AMS_FALL) == 3600
    info = amsterdam.info(AMS_SPRING)
    assert info == itsm.TimeZoneInfo(7200, True, "CEST")
    assert (info.utc_offset, info.is_dst, info.abbreviation) == (7200, True, "CEST")
    assert amsterdam.info(AMS_FALL) == (3600, False, "CET")
    assert amsterdam.next_transition(AMS_SPRING - 86400) == AMS_SPRING
    assert amsterdam.next_transition(AMS_SPRING - 1) == AMS_SPRING
    assert amsterdam.next_transition(AMS_SPRING) == AMS_FALL


def test_next_transition_walk(new_york):
    start = itsm.parse_instant("2024-01-01T00:00:00Z")
    end = itsm.parse_instant("2025-01-01T00:00:00Z")
    seen, t = [], start
    while (t := new_york.next_transition(t)) is not None and t < end:
        seen.append(iso(t, new_york))
    assert seen == ["2024-03-10T03:00:00-04:00", "2024-11-03T01:00:00-05:00"]


def test_dublin_negative_dst():
    dublin = itsm.TimeZone("Europe/Dublin")
    winter = itsm.parse_instant("2024-01-15T12:00:00Z")
    summer = itsm.parse_instant("2024-07-15T12:00:00Z")
    assert dublin.utc_offset(winter) == 0
    assert dublin.utc_offset(summer) == 3600
    assert dublin.info(summer).abbreviation == "IST"


# ---- to_local ---------------------------------------------------------------------------------


def test_to_local_is_aware_and_exact(tokyo, amsterdam):
    t = 1711848600  # 2024-03-31T01:30:00Z
    local = tokyo.to_local(t)
    assert local == datetime.datetime(2024, 3, 31, 1, 30, tzinfo=datetime.timezone.utc)
    assert (local.year, local.month, local.day, local.hour, local.minute) == (2024, 3, 31, 10, 30)
    assert local.utcoffset() == datetime.timedelta(hours=9)
    assert local.tzname() == "JST"
    assert local.timestamp() == t
    ams = amsterdam.to_local(t)
    assert (ams.hour, ams.minute, ams.tzname()) == (3, 30, "CEST")
    before = amsterdam.to_local(AMS_SPRING - 1)
    assert (before.hour, before.minute, before.second, before.tzname()) == (1, 59, 59, "CET")
    # Both 02:30s of the fall-back night.
    first, second = amsterdam.to_local(AMS_FALL - 1800), amsterdam.to_local(AMS_FALL + 1800)
    assert first.replace(tzinfo=None) == second.replace(tzinfo=None)
    assert (first.tzname(), second.tzname()) == ("CEST", "CET")


def test_to_local_without_abbreviation():
    local = itsm.TimeZone(-12600).to_local(0)
    assert local.utcoffset() == datetime.timedelta(hours=-3, minutes=-30)
    assert local.timestamp() == 0


# ---- from_local and policies -----------------------------------------------------------------

GAP_CASES = [  # 2024-03-31 02:30 local does not exist in Amsterdam
    (P.DEFAULT, "2024-03-31T03:30:00+02:00"),
    ("default", "2024-03-31T03:30:00+02:00"),
    (P.GAP_SHIFT, "2024-03-31T03:30:00+02:00"),
    ("shift:later", "2024-03-31T03:30:00+02:00"),
    (P.GAP_NEXT_VALID, "2024-03-31T03:00:00+02:00"),
    ("next:earlier", "2024-03-31T03:00:00+02:00"),
    (P.GAP_NEXT_VALID | P.OVERLAP_ERROR, "2024-03-31T03:00:00+02:00"),
    (P.GAP_ERROR, itsm.NonexistentTimeError),
    ("strict", itsm.NonexistentTimeError),
    ("raise:later", itsm.NonexistentTimeError),
    (P.STRICT, itsm.NonexistentTimeError),
]

OVERLAP_CASES = [  # 2024-10-27 02:30 local happens twice in Amsterdam
    (P.DEFAULT, "2024-10-27T02:30:00+02:00"),
    ("default", "2024-10-27T02:30:00+02:00"),
    (P.OVERLAP_EARLIER, "2024-10-27T02:30:00+02:00"),
    (P.OVERLAP_LATER, "2024-10-27T02:30:00+01:00"),
    ("next:later", "2024-10-27T02:30:00+01:00"),
    (P.GAP_ERROR | P.OVERLAP_LATER, "2024-10-27T02:30:00+01:00"),
    (P.OVERLAP_ERROR, itsm.AmbiguousTimeError),
    ("shift:raise", itsm.AmbiguousTimeError),
    ("strict", itsm.AmbiguousTimeError),
]


def wall_seconds(year, month, day, hour=0, minute=0, second=0):
    """Local civil time counted as seconds since 1970-01-01T00:00 (the batch input)."""
    delta = datetime.datetime(year, month, day, hour, minute, second) - datetime.datetime(1970, 1, 1)
    return delta.days * 86400 + delta.seconds


def check_from_local(zone, fields, policy, expected):
    """from_local() and from_local_many() both give `expected` (ISO text) or raise it."""
    wall = np.array([wall_seconds(*fields)], dtype=np.int64)
    if isinstance(expected, str):
        t = zone.from_local(*fields, policy=policy)
        assert iso(t, zone) == expected
        assert zone.from_local_many(wall, policy=policy).tolist() == [t]
        return
    with pytest.raises(expected) as info:
        zone.from_local(*fields, policy=policy)
    assert isinstance(info.value, ValueError)
    assert "2024-" in str(info.value) and "Europe/Amsterdam" in str(info.value)
    with pytest.raises(expected, match=r"wall\[0\]"):
        zone.from_local_many(wall, policy=policy)


@pytest.mark.parametrize("policy, expected", GAP_CASES)
def test_from_local_in_the_gap(amsterdam, policy, expected):
    check_from_local(amsterdam, (2024, 3, 31, 2, 30), policy, expected)


@pytest.mark.parametrize("policy, expected", OVERLAP_CASES)
def test_from_local_in_the_overlap(amsterdam, policy, expected):
    check_from_local(amsterdam, (2024, 10, 27, 2, 30), policy, expected)


def test_from_local_ordinary_times_ignore_policy(amsterdam, tokyo):
    for policy in (P.DEFAULT, P.STRICT, "next:later"):
        assert amsterdam.from_local(2024, 7, 1, 12, policy=policy) == itsm.parse_instant(
            "2024-07-01T10:00:00Z"
        )
        assert tokyo.from_local(2024, 5, 1, 9, 0, 0, policy) == 1714521600
    assert amsterdam.from_local(2024, 1, 1) == itsm.parse_instant("2023-12-31T23:00:00Z")


def test_from_local_errors(amsterdam):
    with pytest.raises(itsm.RangeError, match="day 30"):
        amsterdam.from_local(2024, 2, 30)
    with pytest.raises(itsm.RangeError):
        amsterdam.from_local(2201, 1, 1)
    with pytest.raises(itsm.RangeError):
        amsterdam.from_local(2**40, 1, 1)
    with pytest.raises(itsm.InvalidArgumentError, match="policy"):
        amsterdam.from_local(2024, 3, 31, 2, 30, policy=P.GAP_NEXT_VALID | P.GAP_ERROR)
    with pytest.raises(itsm.InvalidArgumentError):
        amsterdam.from_local(2024, 3, 31, 2, 30, policy=-1)
    with pytest.raises(itsm.InvalidArgumentError):
        amsterdam.from_local(2024, 3, 31, 2, 30, policy="lenient")
    with pytest.raises(TypeError):
        amsterdam.from_local(2024, 3, 31, 2, 30, policy=None)
    with pytest.raises(TypeError):
        amsterdam.from_local(2024, 3, 31.5)
    with pytest.raises(TypeError):
        amsterdam.from_local(2024, True, 1)


def test_from_local_inverts_to_local(amsterdam):
    for t in range(AMS_FALL - 3 * 3600, AMS_FALL + 3 * 3600, 599):
        local = amsterdam.to_local(t)
        fields = (local.year, local.month, local.day, local.hour, local.minute, local.second)
        in_second_half = AMS_FALL <= t < AMS_FALL + 3600
        policy = P.OVERLAP_LATER if in_second_half else P.OVERLAP_EARLIER
        assert amsterdam.from_local(*fields, policy=policy) == t


# ---- start_of_day -----------------------------------------------------------------------------


def test_start_of_day(amsterdam, tokyo):
    assert tokyo.start_of_day(datetime.date(2024, 5, 1)) == itsm.parse_instant(
        "2024-04-30T15:00:00Z"
    )
    assert tokyo.start_of_day("2024-05-01") == tokyo.start_of_day((2024, 5, 1))
    # The DST days have 23 and 25 hours.
    spring = amsterdam.start_of_day(datetime.date(2024, 3, 31))
    assert amsterdam.start_of_day(datetime.date(2024, 4, 1)) - spring == 23 * 3600
    fall = amsterdam.start_of_day(datetime.date(2024, 10, 27))
    assert amsterdam.start_of_day(datetime.date(2024, 10, 28)) - fall == 25 * 3600


def test_start_of_day_when_midnight_does_not_exist():
    sao_paulo = itsm.TimeZone("America/Sao_Paulo")
    # 2018-11-04: clocks jumped from 00:00 to 01:00, so the day began at 01:00 -02.
    t = sao_paulo.start_of_day(datetime.date(2018, 11, 4))
    assert iso(t, sao_paulo) == "2018-11-04T01:00:00-02:00"


def test_start_of_day_errors(amsterdam):
    with pytest.raises(TypeError, match="not a datetime"):
        amsterdam.start_of_day(datetime.datetime(2024, 5, 1))
    with pytest.raises(itsm.RangeError):
        amsterdam.start_of_day((2024, 2, 30))
    with pytest.raises(itsm.ParseError):
        amsterdam.start_of_day("2024/05/01")
    with pytest.raises(TypeError):
        amsterdam.start_of_day((2024, 5))
