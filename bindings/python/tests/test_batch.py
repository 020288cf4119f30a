"""Batch methods: utc_offsets, to_local_many, from_local_many over arrays."""

import array
import threading

import numpy as np
import pytest

import itsm
from itsm import itsm_native

P = itsm.LocalPolicy
START = itsm.parse_instant("1950-01-01T00:00:00Z")
END = itsm.parse_instant("2100-12-31T23:59:59Z")


@pytest.fixture(scope="module")
def instants():
    rng = np.random.default_rng(7)
    values = rng.integers(START, END, size=5000, dtype=np.int64)
    # Plus the seconds around every Amsterdam transition of 2024.
    edges = [1711846800 + d for d in (-1, 0, 1)] + [1729990800 + d for d in (-1, 0, 1)]
    return np.concatenate([values, np.array(edges, dtype=np.int64)])


def test_batch_equals_scalar(amsterdam, tokyo, new_york, instants):
    for zone in (amsterdam, tokyo, new_york, itsm.TimeZone(-12600)):
        offsets = zone.utc_offsets(instants)
        assert isinstance(offsets, np.ndarray) and offsets.dtype == np.int64
        assert offsets.shape == instants.shape
        assert offsets.tolist() == [zone.utc_offset(int(t)) for t in instants]
        wall = zone.to_local_many(instants)
        assert wall.dtype == np.int64
        assert np.array_equal(wall, instants + offsets)
        # Back from wall seconds: exact except for the second pass of an overlap, which
        # the default policy maps to the first.
        back = zone.from_local_many(wall)
        later = zone.from_local_many(wall, policy=P.OVERLAP_LATER)
        assert np.all((back == instants) | (later == instants))
        for t, w, b in zip(instants[:300].tolist(), wall[:300].tolist(), back[:300].tolist()):
            local = zone.to_local(t)
            assert b == zone.from_local(local.year, local.month, local.day, local.hour,
                                        local.minute, local.second)
            assert w == t + zone.utc_offset(t)


def test_input_is_not_copied_or_modified(amsterdam, instants):
    before = instants.copy()
    view = instants  # C-contiguous native int64: handed to C as is
    assert itsm._convert.as_int64_array(view) is view
    out = amsterdam.utc_offsets(view)
    assert np.array_equal(instants, before)
    assert not np.shares_memory(out, instants)
    out[:] = 0  # the result is a writable array of its own
    assert np.array_equal(instants, before)


def test_aliasing_and_non_contiguous_input(amsterdam, instants):
    expected = amsterdam.utc_offsets(instants)
    # Strided views, reversed views, slices of the same buffer.
    assert np.array_equal(amsterdam.utc_offsets(instants[::3]), expected[::3])
    assert np.array_equal(amsterdam.utc_offsets(instants[::-1]), expected[::-1])
    assert np.array_equal(amsterdam.utc_offsets(instants[10:20]), expected[10:20])
    # A column of a 2-D array (non-contiguous) and Fortran order.
    table = np.stack([instants, instants[::-1]], axis=1)
    assert np.array_equal(amsterdam.utc_offsets(table[:, 0]), expected)
    fortran = np.asfortranarray(table)
    assert np.array_equal(amsterdam.utc_offsets(fortran), np.stack([expected, expected[::-1]], 1))
    # Overlapping views of one buffer used as input twice and results fed back in.
    both = amsterdam.to_local_many(instants[:-1]), amsterdam.to_local_many(instants[1:])
    assert np.array_equal(both[0][1:], both[1][:-1])
    wall = amsterdam.to_local_many(instants)
    wall_again = amsterdam.to_local_many(amsterdam.from_local_many(wall, P.OVERLAP_LATER))
    assert np.array_equal(wall, wall_again)
    # Non-native byte order.
    swapped = instants.astype(">i8")
    assert np.array_equal(amsterdam.utc_offsets(swapped), expected)


def test_shapes(amsterdam, instants):
    grid = instants[:12].reshape(3, 4)
    out = amsterdam.utc_offsets(grid)
    assert out.shape == (3, 4)
    assert np.array_equal(out.ravel(), amsterdam.utc_offsets(instants[:12]))
    scalar = amsterdam.utc_offsets(np.int64(1711846800))
    assert scalar.shape == () and int(scalar) == 7200
    empty = amsterdam.utc_offsets([])
    assert empty.shape == (0,) and empty.dtype == np.int64
    assert amsterdam.from_local_many(np.empty((0, 3), dtype=np.int64)).shape == (0, 3)


def test_sequences_and_other_integer_types(amsterdam):
    values = [0, 1711846799, 1711846800]
    expected = [3600, 3600, 7200]
    assert amsterdam.utc_offsets(values).tolist() == expected
    assert amsterdam.utc_offsets(tuple(values)).tolist() == expected
    assert amsterdam.utc_offsets(array.array("q", values)).tolist() == expected
    assert amsterdam.utc_offsets(np.array(values, dtype=np.uint64)).tolist() == expected
    assert amsterdam.utc_offsets(np.array([0, 100], dtype=np.int32)).tolist() == [3600, 3600]
    assert amsterdam.utc_offsets(np.array([0, 100], dtype=np.int16)).tolist() == [3600, 3600]


def test_datetime64_input(amsterdam):
    instants = np.array([0, 1711846799, 1711846800], dtype=np.int64)
    expected = amsterdam.utc_offsets(instants)
    for unit in ("s", "ms", "us", "ns"):
        stamps = instants.astype("datetime64[s]").astype(f"datetime64[{unit}]")
        assert np.array_equal(amsterdam.utc_offsets(stamps), expected), unit
    days = np.array(["2024-03-31", "2024-04-01"], dtype="datetime64[D]")
    assert amsterdam.utc_offsets(days).tolist() == [3600, 7200]
    # Naive datetime64 as local wall time for from_local_many.
    wall = np.array(["2024-03-31T02:30:00", "2024-10-27T02:30:00"], dtype="datetime64[s]")
    assert [itsm.format_instant(t, amsterdam) for t in amsterdam.from_local_many(wall)] == [
        "2024-03-31T03:30:00+02:00", "2024-10-27T02:30:00+02:00"]
    with pytest.raises(ValueError, match="whole seconds"):
        amsterdam.utc_offsets(np.array(["2024-03-31T00:00:00.001"], dtype="datetime64[ms]"))
    with pytest.raises(ValueError, match="NaT"):
        amsterdam.utc_offsets(np.array(["NaT", "2024-03-31"], dtype="datetime64[s]"))
    with pytest.raises(ValueError, match="unit"):
        amsterdam.utc_offsets(np.array([0], dtype="datetime64"))


@pytest.mark.parametrize(
    "values, match",
    [
        (np.array([1.0, 2.0]), "float"),
        ([1.5], "float"),
        (np.array([True, False]), "bool"),
        (np.array(["2024-05-01"]), "dtype"),
        (np.array([1 + 2j]), "complex"),
        (np.array([1], dtype="timedelta64[s]"), "timedelta"),
        ([2**70], "ints beyond 64 bits"),
        ([object()], "object"),
    ],
)
def test_wrong_dtypes_are_type_errors(amsterdam, values, match):
    with pytest.raises(TypeError, match=match):
        amsterdam.utc_offsets(values)


def test_unsigned_overflow_is_range_error(amsterdam):
    with pytest.raises(itsm.RangeError):
        amsterdam.utc_offsets(np.array([2**63], dtype=np.uint64))


def test_errors_name_the_element(amsterdam, instants):
    bad = instants.copy()
    bad[1234] = 10**12
    with pytest.raises(itsm.RangeError, match=r"\[1234\]"):
        amsterdam.utc_offsets(bad)
    with pytest.raises(itsm.RangeError, match=r"\[1234\]"):
        amsterdam.to_local_many(bad)
    wall = amsterdam.to_local_many(instants)
    wall[77] = 1711848600 + 3600  # 2024-03-31T02:30 local, in the gap
    with pytest.raises(itsm.NonexistentTimeError, match=r"wall\[77\]"):
        amsterdam.from_local_many(wall, policy="strict")
    with pytest.raises(itsm.InvalidArgumentError, match="policy"):
        amsterdam.from_local_many(wall, policy=0x33)


def test_native_layer_checks_buffers(amsterdam):
    handle = amsterdam._handle
    with pytest.raises(TypeError, match="int64"):
        itsm_native.tz_utc_offsets(handle, np.zeros(3, dtype=np.int32))
    with pytest.raises(TypeError, match="int64"):
        itsm_native.tz_utc_offsets(handle, b"\0" * 16)
    with pytest.raises(TypeError, match="C-contiguous"):
        itsm_native.tz_utc_offsets(handle, np.zeros(6, dtype=np.int64)[::2])
    with pytest.raises(TypeError, match="C-contiguous"):
        itsm_native.tz_utc_offsets(handle, [1, 2, 3])
    unaligned = np.frombuffer(bytearray(8 * 4 + 1), dtype=np.int64, count=4, offset=1)
    with pytest.raises(ValueError, match="aligned"):
        itsm_native.tz_utc_offsets(handle, unaligned)
    # The Python layer copies such input into an aligned array instead.
    assert amsterdam.utc_offsets(unaligned).tolist() == [3600] * 4
    out = itsm_native.tz_utc_offsets(handle, memoryview(np.array([0], dtype=np.int64)))
    assert isinstance(out, bytearray) and np.frombuffer(out, dtype=np.int64).tolist() == [3600]


def test_batch_from_many_threads(amsterdam, new_york, instants):
    """The GIL is released during the C call: concurrent calls must still be exact."""
    expected = {zone.name: zone.utc_offsets(instants) for zone in (amsterdam, new_york)}
    big = np.tile(instants, 20)
    failures = []

    def work(zone):
        for _ in range(5):
            got = zone.utc_offsets(big)
            if not np.array_equal(got, np.tile(expected[zone.name], 20)):
                failures.append(zone.name)

    threads = [threading.Thread(target=work, args=(z,)) for z in (amsterdam, new_york) * 4]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
