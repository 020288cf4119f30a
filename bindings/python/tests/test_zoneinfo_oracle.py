"""Oracle: libitsm's time zones against Python's zoneinfo on the same tz database.

Both sides read the very same TZif files (/usr/share/zoneinfo): zoneinfo through
ZoneInfo.from_file(), libitsm through TimeZone(name, zoneinfo_dir). Every mismatch fails
the test; the first few are reported with the zone, the instant and both answers.

* UTC offsets: 10,000 random instants per zone (fixed seed) in 1950-01-01..2100-12-31,
  12 zones, 120,000 instants in all, computed with one TimeZone.utc_offsets() call per
  zone and compared with datetime.fromtimestamp(t, zone).utcoffset(). The seconds
  around every transition libitsm reports in that span are checked the same way.
* Daily: one instant per day over the same span, ~55,000 per zone, the same way.
* Local times: 3,000 random local times per zone plus local times on both sides of
  every transition's gap or overlap, resolved with from_local_many() (default policy)
  and compared with zoneinfo's fold=0 reading, which is the same rule: a local time in a
  gap uses the offset from before the transition (= shift forward by the gap), one in an
  overlap the earlier occurrence. A sample is also checked through scalar from_local().
"""

import datetime
import os

import numpy as np
import pytest

import itsm
from conftest import ZONEINFO_DIR

zoneinfo = pytest.importorskip("zoneinfo")

ZONES = [
    "Asia/Tokyo",
    "Europe/Amsterdam",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Lord_Howe",  # 30-minute DST
    "Pacific/Apia",  # skipped 2011-12-30 entirely
    "Europe/London",
    "Asia/Kolkata",
    "America/St_Johns",  # -03:30 / -02:30
    "Africa/Casablanca",  # Ramadan changes, negative DST
    "Europe/Dublin",  # negative DST (IST is standard time, GMT the "DST")
    "Asia/Kathmandu",  # +05:45
]
INSTANTS_PER_ZONE = 10_000
LOCAL_TIMES_PER_ZONE = 3_000
SEED = 20240331

UTC = datetime.timezone.utc
START = int(datetime.datetime(1950, 1, 1, tzinfo=UTC).timestamp())
END = int(datetime.datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp())
EPOCH_NAIVE = datetime.datetime(1970, 1, 1)
MAX_REPORTED = 8


def iso_utc(t):
    return datetime.datetime.fromtimestamp(int(t), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_wall(w):
    return (EPOCH_NAIVE + datetime.timedelta(seconds=int(w))).strftime("%Y-%m-%dT%H:%M:%S")


def load_pair(name):
    path = os.path.join(ZONEINFO_DIR, name)
    if not os.path.isfile(path):
        pytest.skip(f"{path} is not installed")
    with open(path, "rb") as f:
        oracle = zoneinfo.ZoneInfo.from_file(f, key=name)
    return itsm.TimeZone(name, ZONEINFO_DIR), oracle


def transitions(zone):
    """The transitions libitsm reports in [START, END]."""
    found, t = [], START
    while (t := zone.next_transition(t)) is not None and t <= END:
        found.append(t)
    return found


def oracle_offset(oracle, t):
    return int(datetime.datetime.fromtimestamp(int(t), oracle).utcoffset().total_seconds())


def oracle_from_local(oracle, wall):
    """zoneinfo's instant for local wall seconds with fold=0."""
    local = (EPOCH_NAIVE + datetime.timedelta(seconds=int(wall))).replace(tzinfo=oracle, fold=0)
    return int(wall) - int(local.utcoffset().total_seconds())


def fail_with(mismatches, total, what):
    if mismatches:
        lines = "\n  ".join(mismatches[:MAX_REPORTED])
        pytest.fail(f"{len(mismatches)} of {total} {what} differ from zoneinfo; first ones:\n  {lines}")


def test_oracle_is_big_enough():
    assert len(ZONES) >= 10
    assert len(ZONES) * INSTANTS_PER_ZONE >= 100_000


@pytest.mark.parametrize("name", ZONES)
def test_utc_offsets_match_zoneinfo(name):
    zone, oracle = load_pair(name)
    rng = np.random.default_rng([SEED, ZONES.index(name)])
    instants = rng.integers(START, END, size=INSTANTS_PER_ZONE, endpoint=True, dtype=np.int64)
    edges = [t + d for t in transitions(zone) for d in (-1, 0, 1)]
    instants = np.concatenate([instants, np.array(edges, dtype=np.int64)])

    ours = zone.utc_offsets(instants)
    assert ours.shape == instants.shape and ours.dtype == np.int64

    mismatches = []
    for t, offset in zip(instants.tolist(), ours.tolist()):
        expected = oracle_offset(oracle, t)
        if offset != expected:
            mismatches.append(f"{name} at {iso_utc(t)} ({t}): itsm {offset}, zoneinfo {expected}")
    fail_with(mismatches, len(instants), "UTC offsets")


@pytest.mark.parametrize("name", ZONES)
def test_every_day_matches_zoneinfo(name):
    """One instant per day (at a random time of day) over 1950..2100, ~55,000 per zone:
    an offset period of libitsm and zoneinfo that differs for a day or more cannot hide
    between the random samples."""
    zone, oracle = load_pair(name)
    rng = np.random.default_rng([SEED, 2000 + ZONES.index(name)])
    days = np.arange(START, END - 86400, 86400, dtype=np.int64)
    instants = days + rng.integers(0, 86400, size=days.size, dtype=np.int64)
    ours = zone.utc_offsets(instants)
    mismatches = [
        f"{name} at {iso_utc(t)} ({t}): itsm {offset}, zoneinfo {expected}"
        for t, offset in zip(instants.tolist(), ours.tolist())
        if offset != (expected := oracle_offset(oracle, t))
    ]
    fail_with(mismatches, len(instants), "daily UTC offsets")


@pytest.mark.parametrize("name", ZONES)
def test_transitions_are_real(name):
    """Every transition libitsm reports changes the offset or the DST flag there."""
    zone, oracle = load_pair(name)
    problems = []
    for t in transitions(zone):
        before, after = datetime.datetime.fromtimestamp(t - 1, oracle), datetime.datetime.fromtimestamp(t, oracle)
        if (before.utcoffset(), before.dst()) == (after.utcoffset(), after.dst()):
            ours = (zone.info(t - 1), zone.info(t))
            if ours[0][:2] == ours[1][:2]:
                problems.append(f"{name} at {iso_utc(t)}: nothing changes ({ours})")
    fail_with(problems, len(transitions(zone)), "transitions")


@pytest.mark.parametrize("name", ZONES)
def test_from_local_matches_zoneinfo_fold0(name):
    zone, oracle = load_pair(name)
    rng = np.random.default_rng([SEED, 1000 + ZONES.index(name)])
    walls = rng.integers(START, END, size=LOCAL_TIMES_PER_ZONE, endpoint=True, dtype=np.int64).tolist()
    # Local times around each transition: just before, inside and just after its gap or
    # overlap, seen from both offsets.
    for t in transitions(zone):
        before, after = zone.utc_offset(t - 1), zone.utc_offset(t)
        for base in (t + before, t + after):
            walls.extend(base + d for d in (-3601, -1, 0, 1, 1799, 3599, 3600))
        walls.append(t + (before + after) // 2)
    walls = np.array(walls, dtype=np.int64)

    ours = zone.from_local_many(walls)  # default policy: shift forward / earlier
    mismatches = []
    for w, t in zip(walls.tolist(), ours.tolist()):
        expected = oracle_from_local(oracle, w)
        if t != expected:
            mismatches.append(
                f"{name} local {iso_wall(w)}: itsm {iso_utc(t)} ({t}), "
                f"zoneinfo fold=0 {iso_utc(expected)} ({expected})"
            )
    fail_with(mismatches, len(walls), "local times")

    # The scalar path agrees with the batch path on a sample.
    for w, t in list(zip(walls.tolist(), ours.tolist()))[::97]:
        local = EPOCH_NAIVE + datetime.timedelta(seconds=w)
        fields = (local.year, local.month, local.day, local.hour, local.minute, local.second)
        assert zone.from_local(*fields) == t, (name, iso_wall(w))
