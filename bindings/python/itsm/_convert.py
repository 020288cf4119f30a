"""Conversions from Python values to what libitsm takes: instants and int64 arrays.

An instant is an ``int`` of seconds since 1970-01-01T00:00:00Z. Wherever one is taken,
these are accepted:

* an ``int`` or a numpy integer scalar (``bool`` is rejected: ``True`` is not a time);
* an aware :class:`datetime.datetime` (naive ones are rejected, since they name no
  instant), which must fall on a whole second;
* a :class:`numpy.datetime64` scalar with a unit, read as UTC and whole seconds.

Batch functions take anything :func:`numpy.asarray` turns into an integer or
``datetime64`` array; see :func:`as_int64_array`.

Dates (:func:`to_date`) are :class:`datetime.date` objects or ``"YYYY-MM-DD"`` text;
lengths of time (:func:`to_seconds`, :func:`as_seconds_array`) are integer seconds or
timedeltas (``datetime.timedelta``, ``numpy.timedelta64``) of whole seconds.
"""

import datetime
import json
from collections.abc import Mapping
import operator

import numpy as np

from . import itsm_native as _native
from ._errors import Error, RangeError

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
_INT64_MIN = -(2**63)
_INT64_MAX = 2**63 - 1


def _check_int64(value, what):
    if not _INT64_MIN <= value <= _INT64_MAX:
        raise RangeError(f"{what}: {value} does not fit in 64 bits")
    return value


def _datetime64_seconds(array, what):
    """Epoch seconds of a datetime64 array, exactly, as int64 (a new array)."""
    unit, count = np.datetime_data(array.dtype)
    if unit == "generic":
        raise ValueError(f"{what}: datetime64 without a unit cannot be converted to seconds")
    if np.isnat(array).any():
        raise ValueError(f"{what}: NaT (not a time) cannot be converted to seconds")
    seconds = array.astype("datetime64[s]")
    if not np.array_equal(seconds.astype(array.dtype), array):
        raise ValueError(
            f"{what}: datetime64[{count if count != 1 else ''}{unit}] values are not whole "
            "seconds (instants have one-second resolution; round them explicitly first)"
        )
    return seconds.view(np.int64)


def to_instant(value, what="instant"):
    """Epoch seconds (an ``int``) of an int-like value, aware datetime or datetime64.

    Raises:
        TypeError: for a naive datetime, a bool, a date, or any other type.
        ValueError: for a datetime with sub-second digits or a NaT.
        RangeError: for an integer that does not fit in 64 bits.
    """
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{what} must be an int or an aware datetime, not bool")
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise TypeError(
                f"{what}: a naive datetime ({value.isoformat()}) names no instant; give it a "
                "tzinfo (e.g. value.replace(tzinfo=datetime.timezone.utc)) or use "
                "TimeZone.from_local() for a local time"
            )
        delta = value - _EPOCH
        if delta.microseconds:
            raise ValueError(
                f"{what}: {value.isoformat()} is not a whole second (instants have one-second "
                "resolution)"
            )
        return delta.days * 86400 + delta.seconds
    if isinstance(value, datetime.date):
        raise TypeError(f"{what}: a date is not an instant; use TimeZone.start_of_day(date)")
    if isinstance(value, np.datetime64):
        return int(_datetime64_seconds(np.asarray(value).reshape(1), what)[0])
    try:
        number = operator.index(value)
    except TypeError:
        raise TypeError(
            f"{what} must be an int (epoch seconds) or an aware datetime, "
            f"not {type(value).__name__}"
        ) from None
    return _check_int64(number, what)


def as_int64_array(values, what="values"):
    """``values`` as a C-contiguous, aligned, native int64 numpy array (any shape).

    * int64 arrays that are already C-contiguous and aligned are returned as they are
      (no copy); other integer dtypes are converted when every value fits;
    * ``datetime64`` arrays (any unit) become epoch seconds when every value is a whole
      second, else ValueError;
    * lists and other sequences go through :func:`numpy.asarray`.

    Raises:
        TypeError: for float, bool, complex, timedelta, string or object data (floats
            are refused rather than rounded: instants are whole seconds).
        ValueError: for datetime64 values that are NaT or not whole seconds.
        RangeError: for unsigned values above the int64 maximum.
    """
    array = np.asarray(values)
    kind = array.dtype.kind
    if array.size == 0 and kind != "M":
        # np.asarray([]) is float64; an empty input has nothing to refuse.
        array = array.astype(np.int64)
    elif kind == "M":
        array = _datetime64_seconds(array, what)
    elif kind == "u":
        if array.size and array.max() > _INT64_MAX:
            raise RangeError(f"{what}: unsigned values above the int64 maximum")
        array = array.astype(np.int64)
    elif kind == "i":
        pass
    elif kind == "f":
        raise TypeError(
            f"{what}: float arrays are not accepted, instants and wall times are whole "
            "seconds; convert explicitly (e.g. np.rint(a).astype(np.int64)) if that is meant"
        )
    elif kind == "O":
        raise TypeError(
            f"{what}: expected integers (epoch seconds) or datetime64; sequences of Python "
            "objects (datetime objects, ints beyond 64 bits) are not converted element by "
            "element, pass a numpy datetime64 or int64 array"
        )
    else:
        raise TypeError(
            f"{what}: expected integers (epoch seconds) or datetime64, got an array of "
            f"dtype {array.dtype}"
        )
    # No copy when it is already native int64, C-contiguous and aligned.
    return np.require(array, dtype=np.int64, requirements=("C", "A"))


def int64_result(buffer, shape):
    """A numpy int64 array of ``shape`` over the bytearray returned by the native layer."""
    return np.frombuffer(buffer, dtype=np.int64).reshape(shape)


def to_date(value, what="date"):
    """``(year, month, day)`` of a :class:`datetime.date` (not a datetime), a
    ``"YYYY-MM-DD"`` string or a ``(year, month, day)`` tuple, for the native layer.

    Raises:
        TypeError: for a datetime (use ``value.date()``) or any other type.
        ParseError / RangeError: for text that is not a valid date in 1900..2200.
    """
    if isinstance(value, datetime.datetime):
        raise TypeError(f"{what}: a datetime is not a date; use value.date() (or an instant argument)")
    if isinstance(value, datetime.date):
        return (value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return _native.date_parse(value)
        except Error as exc:
            raise type(exc)(f"{what}: {exc.message}", exc.code) from None
    if isinstance(value, tuple) and len(value) == 3:
        return value
    raise TypeError(
        f"{what} must be a datetime.date, a 'YYYY-MM-DD' string or a (year, month, day) tuple, "
        f"not {type(value).__name__}"
    )


def from_date(fields):
    """A :class:`datetime.date` of the native layer's ``(year, month, day)``."""
    return datetime.date(*fields)


def to_seconds(value, what="seconds"):
    """Whole seconds (``int``) of an int-like value or a :class:`datetime.timedelta`."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{what} must be an int or a timedelta, not bool")
    if isinstance(value, datetime.timedelta):
        if value.microseconds:
            raise ValueError(f"{what}: {value} is not a whole number of seconds")
        return value.days * 86400 + value.seconds
    if isinstance(value, np.timedelta64):
        return int(timedelta_seconds(np.asarray(value).reshape(1), what)[0])
    try:
        number = operator.index(value)
    except TypeError:
        raise TypeError(f"{what} must be an int or a timedelta, not {type(value).__name__}") from None
    return _check_int64(number, what)


def timedelta_seconds(array, what):
    """Whole seconds of a timedelta64 array, exactly, as int64 (a new array)."""
    unit, count = np.datetime_data(array.dtype)
    if unit == "generic":
        raise ValueError(f"{what}: timedelta64 without a unit cannot be converted to seconds")
    if np.isnat(array).any():
        raise ValueError(f"{what}: NaT (not a time) cannot be converted to seconds")
    seconds = array.astype("timedelta64[s]")
    if not np.array_equal(seconds.astype(array.dtype), array):
        raise ValueError(f"{what}: timedelta64 values are not whole seconds")
    return seconds.view(np.int64)


def as_seconds_array(values, what="seconds"):
    """Like :func:`as_int64_array` for lengths of time: integers (seconds) or timedelta64."""
    array = np.asarray(values)
    if array.dtype.kind == "m":
        array = timedelta_seconds(array, what)
    return as_int64_array(array, what)


def document_text(document, what):
    """JSON text for a C document reader: a dict is serialized, text and bytes pass through."""
    if isinstance(document, Mapping):
        return json.dumps(document, ensure_ascii=False)
    if isinstance(document, (str, bytes)):
        return document
    if isinstance(document, bytearray):
        return bytes(document)
    raise TypeError(f"{what} takes a document as a dict or JSON text (str or bytes), not {type(document).__name__}")

