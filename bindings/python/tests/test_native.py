"""The SWIG layer itsm.itsm_native: ownership, memory, argument checking."""

import gc
import tracemalloc

import numpy as np
import pytest

import itsm
from itsm import itsm_native


def live():
    gc.collect()
    return itsm_native.live_allocations()


def test_zone_handles_are_freed():
    itsm.TimeZone("Europe/Amsterdam")  # warm up anything loaded once
    before = live()
    zones = [itsm.TimeZone(name) for name in ("Europe/Amsterdam", "Asia/Tokyo", "UTC")] * 20
    zones += [itsm.TimeZone(3600 * i) for i in range(-12, 13)]
    assert live() > before
    del zones
    assert live() == before


def test_failures_leak_nothing(amsterdam):
    before = live()
    for _ in range(50):
        for spec in ("No/Such_Zone", "../x", "", "+25:00", 86400):
            with pytest.raises(itsm.Error):
                itsm.TimeZone(spec)
        with pytest.raises(itsm.ParseError):
            itsm.parse_instant("2024-05-01T00:00:00")
        with pytest.raises(itsm.NonexistentTimeError):
            amsterdam.from_local(2024, 3, 31, 2, 30, policy="strict")
    assert live() == before


def test_python_objects_do_not_leak(amsterdam):
    values = np.arange(1711840000, 1711850000, 7, dtype=np.int64)
    bad = values.copy()
    bad[-1] = 10**12

    def exercise():
        amsterdam.utc_offsets(values)
        amsterdam.to_local_many(values)
        amsterdam.from_local_many(values)
        with pytest.raises(itsm.RangeError):
            amsterdam.utc_offsets(bad)
        with pytest.raises(TypeError):
            itsm_native.tz_utc_offsets(amsterdam._handle, values.astype(np.int32))
        amsterdam.info(1711846800)
        amsterdam.to_local(1711846800)
        itsm.format_instant(1711846800, amsterdam)
        with pytest.raises(itsm.ParseError):
            itsm.parse_instant("nope")

    for _ in range(50):
        exercise()
    gc.collect()
    tracemalloc.start()
    try:
        first, _ = tracemalloc.get_traced_memory()
        for _ in range(500):
            exercise()
        gc.collect()
        last, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # A leaked result array alone would be ~11 KiB per round, 5 MiB in all.
    assert last - first < 256 * 1024


def test_the_handle_is_an_owning_proxy(amsterdam):
    handle = amsterdam._handle
    assert type(handle) is itsm_native.NativeZone
    assert handle.thisown  # the proxy frees it (itsm_tz_free) when collected
    with pytest.raises(AttributeError, match="No constructor"):
        itsm_native.NativeZone()  # only libitsm creates zones


def test_native_functions_raise(amsterdam):
    with pytest.raises(itsm.NotFoundError):
        itsm_native.tz_load("No/Such_Zone", None)
    with pytest.raises(itsm.InvalidArgumentError, match="NULL"):
        itsm_native.tz_utc_offset(None, 0)
    with pytest.raises(TypeError):
        itsm_native.tz_utc_offset("Europe/Amsterdam", 0)
    with pytest.raises(itsm.InvalidArgumentError, match="null character"):
        itsm_native.tz_load("Europe/Amsterdam\0", None)
    with pytest.raises(itsm.InvalidArgumentError, match="null character"):
        itsm_native.tz_load(b"Europe/Amsterdam\0", None)


def test_native_results_are_values(amsterdam):
    assert itsm_native.tz_info_at(amsterdam._handle, 1711846800) == (7200, True, "CEST")
    assert itsm_native.tz_to_local(amsterdam._handle, 1711846800) == (2024, 3, 31, 3, 0, 0)
    assert itsm_native.instant_format(0, None) == "1970-01-01T00:00:00Z"
    assert itsm_native.date_parse("2024-02-29") == (2024, 2, 29)
    assert itsm_native.date_to_days((1970, 1, 2)) == 1
    assert itsm_native.duration_parse("PT90M") == 5400
    assert itsm_native.duration_format(-1800) == "-PT30M"
    assert itsm_native.strerror(itsm_native.EPARSE) == "parse error"


def test_tzif_from_memory():
    with open("/usr/share/zoneinfo/Asia/Tokyo", "rb") as f:
        data = f.read()
    zone = itsm_native.tz_from_tzif("Mine/Tokyo", data)
    assert itsm_native.tz_name(zone) == "Mine/Tokyo"
    assert itsm_native.tz_utc_offset(zone, 0) == 32400
    with pytest.raises(itsm.FormatError):
        itsm_native.tz_from_tzif("Broken", data[:50])
