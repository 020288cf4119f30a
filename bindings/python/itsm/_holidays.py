"""Holiday sets: the built-in Japanese national holidays and year-end closing, and custom
sets of explicit dates and yearly rules."""

import copy
import datetime
import functools
import json
import operator
from collections.abc import Mapping

from . import itsm_native as _native
from ._convert import from_date, to_date
from ._errors import Error, InvalidArgumentError

__all__ = ["HolidaySet", "japan_holidays", "japan_holiday", "BUILTIN_HOLIDAY_SETS"]

#: Names of the built-in sets: ``jp`` (Japanese national holidays, 1948-07-20 ..
#: 2150-12-31, with substitute and citizens' holidays) and ``jp-year-end`` (Dec 29 ..
#: Jan 3 every year).
BUILTIN_HOLIDAY_SETS = ("jp", "jp-year-end")

_WEEKDAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}
_SET_KEYS = ("name", "dates", "fixed", "nth_weekday", "ranges")


# ---- custom sets from a definition ---------------------------------------------------------


def _fail(path, message, cls=InvalidArgumentError):
    raise cls(f"{path}: {message}")


def _native_call(path, fn, *args):
    """Call a native function; its error is re-raised with the definition's path."""
    try:
        return fn(*args)
    except Error as exc:
        raise type(exc)(f"{path}: {exc.message}", exc.code) from None


def _check_keys(obj, allowed, path):
    if not isinstance(obj, Mapping):
        _fail(path, f"expected an object (dict), got {type(obj).__name__}")
    for key in obj:
        if key not in allowed:
            _fail(f"{path}.{key}", f"unknown key (expected one of: {', '.join(allowed)})")


def _required(obj, key, path):
    if key not in obj:
        _fail(path, f'missing required key "{key}"')
    return obj[key]


def _string(value, path, optional=False):
    if value is None and optional:
        return None
    if not isinstance(value, str):
        _fail(path, f"expected a string, got {type(value).__name__}")
    return value


def _int(value, path, optional=False):
    if value is None and optional:
        return 0
    if isinstance(value, bool):
        _fail(path, "expected an integer, got bool")
    try:
        return operator.index(value)
    except TypeError:
        _fail(path, f"expected an integer, got {type(value).__name__}")


def _items(defn, key, path):
    items = defn.get(key, ())
    if isinstance(items, (str, bytes, Mapping)) or not hasattr(items, "__iter__"):
        _fail(f"{path}.{key}", f"expected a list, got {type(items).__name__}")
    return [(f"{path}.{key}[{i}]", item) for i, item in enumerate(items)]


def _date(value, path):
    try:
        return to_date(value, path)
    except TypeError as exc:
        raise InvalidArgumentError(str(exc)) from None


def _month_day(value, path):
    text = _string(value, path)
    if len(text) == 5 and text[2] == "-" and (text[:2] + text[3:]).isdigit():
        month, day = int(text[:2]), int(text[3:])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return month, day
    _fail(path, f'{text!r} is not a month and day "MM-DD"')


def _years(rule, path):
    return (_int(rule.get("from_year"), f"{path}.from_year", optional=True),
            _int(rule.get("to_year"), f"{path}.to_year", optional=True))


def _build(defn):
    """A native set from a definition dict (the shape of an inline set in calendar JSON)."""
    _check_keys(defn, _SET_KEYS, "$")
    name = _string(_required(defn, "name", "$"), "$.name")
    handle = _native_call("$.name", _native.holiday_set_new, name)
    for path, item in _items(defn, "dates", "$"):
        holiday_name = None
        if isinstance(item, Mapping):
            _check_keys(item, ("date", "name"), path)
            date = _date(_required(item, "date", path), f"{path}.date")
            holiday_name = _string(item.get("name"), f"{path}.name", optional=True)
        else:
            date = _date(item, path)
        _native_call(path, _native.holiday_set_add_date, handle, date, holiday_name)
    rule_keys = ("name", "from_year", "to_year")
    for path, rule in _items(defn, "fixed", "$"):
        _check_keys(rule, ("month", "day") + rule_keys, path)
        month = _int(_required(rule, "month", path), f"{path}.month")
        day = _int(_required(rule, "day", path), f"{path}.day")
        rule_name = _string(rule.get("name"), f"{path}.name", optional=True)
        _native_call(path, _native.holiday_set_add_fixed, handle, month, day, rule_name, *_years(rule, path))
    for path, rule in _items(defn, "nth_weekday", "$"):
        _check_keys(rule, ("month", "nth", "weekday") + rule_keys, path)
        month = _int(_required(rule, "month", path), f"{path}.month")
        nth = _int(_required(rule, "nth", path), f"{path}.nth")
        weekday = _required(rule, "weekday", path)
        if weekday not in _WEEKDAYS:
            _fail(f"{path}.weekday", f"{weekday!r} is not a weekday (expected one of: {', '.join(_WEEKDAYS)})")
        rule_name = _string(rule.get("name"), f"{path}.name", optional=True)
        _native_call(path, _native.holiday_set_add_nth_weekday, handle, month, nth, _WEEKDAYS[weekday],
                     rule_name, *_years(rule, path))
    for path, rule in _items(defn, "ranges", "$"):
        _check_keys(rule, ("from", "to") + rule_keys, path)
        from_month, from_day = _month_day(_required(rule, "from", path), f"{path}.from")
        to_month, to_day = _month_day(_required(rule, "to", path), f"{path}.to")
        rule_name = _string(rule.get("name"), f"{path}.name", optional=True)
        _native_call(path, _native.holiday_set_add_range, handle, from_month, from_day, to_month, to_day,
                     rule_name, *_years(rule, path))
    return handle


def _plain(defn):
    """A JSON-compatible deep copy of a definition (dates as "YYYY-MM-DD")."""
    return json.loads(json.dumps(defn, ensure_ascii=False, default=_json_default))


def _json_default(value):
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


# ---- the class ------------------------------------------------------------------------------


class HolidaySet:
    """A named set of holidays (an immutable libitsm ``itsm_holiday_set``).

    ``HolidaySet(name_or_definition)``:

    * a ``str``: a built-in set, ``"jp"`` or ``"jp-year-end"`` (see
      :data:`BUILTIN_HOLIDAY_SETS`);
    * a ``dict`` with the shape of an inline set of a calendar document::

        {"name": "vendor",
         "dates": ["2024-08-14", {"date": "2024-08-15", "name": "お盆"}],
         "fixed": [{"month": 5, "day": 1, "name": "Labour Day", "from_year": 2000}],
         "nth_weekday": [{"month": 11, "nth": -1, "weekday": "fri", "name": "Black Friday"}],
         "ranges": [{"from": "12-29", "to": "01-03", "name": "年末年始"}]}

      Dates may be :class:`datetime.date` objects too. Unknown keys are errors naming
      their path (``$.fixed[0].mnth``).

    Pass sets to :class:`itsm.Calendar` (``holiday_sets=[...]``) so that a calendar
    document can name them in ``"holidays"``. Sets compare equal and hash by their
    definition, and pickle as it.

    Raises:
        NotFoundError: for an unknown built-in name.
        InvalidArgumentError / RangeError / ParseError: for a bad definition; the message
            names the path of the bad value.
    """

    __slots__ = ("_handle", "_definition", "_name", "__weakref__")

    def __init__(self, name_or_definition):
        if isinstance(name_or_definition, str):
            self._handle = _native.holiday_set_builtin(name_or_definition)
            self._definition = name_or_definition
        elif isinstance(name_or_definition, Mapping):
            definition = _plain(name_or_definition)
            self._handle = _build(definition)
            self._definition = definition
        else:
            raise TypeError(
                "HolidaySet() takes a built-in set's name (str) or a definition (dict), "
                f"not {type(name_or_definition).__name__}"
            )
        self._name = _native.holiday_set_name(self._handle)

    @classmethod
    def from_json(cls, text):
        """A custom set from JSON text of a definition (see the class documentation)."""
        definition = json.loads(text)
        if not isinstance(definition, dict):
            raise InvalidArgumentError(f"$: expected an object, got {type(definition).__name__}")
        return cls(definition)

    # ---- identity ---------------------------------------------------------------------------

    @property
    def name(self):
        """The set's name."""
        return self._name

    @property
    def is_builtin(self):
        """True for the built-in sets (``HolidaySet("jp")``)."""
        return isinstance(self._definition, str)

    @property
    def definition(self):
        """The built-in name, or a copy of the definition dict (JSON-compatible)."""
        return copy.deepcopy(self._definition)

    def to_json(self):
        """The definition as JSON text (a built-in set as its name, a JSON string)."""
        return json.dumps(self._definition, ensure_ascii=False)

    def __repr__(self):
        return f"itsm.HolidaySet({self._definition!r})"

    def _key(self):
        return json.dumps(self._definition, ensure_ascii=False, sort_keys=True)

    def __eq__(self, other):
        if not isinstance(other, HolidaySet):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __reduce__(self):
        return (HolidaySet, (self._definition,))

    # ---- queries ----------------------------------------------------------------------------

    @property
    def span(self):
        """``(first, last)``: the dates the set is defined for, as :class:`datetime.date`
        (``jp`` ends on 2150-12-31)."""
        first, last = _native.holiday_set_span(self._handle)
        return from_date(first), from_date(last)

    def lookup(self, date):
        """The holiday's name on ``date`` (a :class:`datetime.date` or ``"YYYY-MM-DD"``):
        ``""`` for an unnamed one, None when the date is not a holiday.

        Raises:
            RangeError: for a date outside :attr:`span`.
        """
        return _native.holiday_set_lookup(self._handle, to_date(date))

    def __contains__(self, date):
        return self.lookup(date) is not None

    def holidays(self, first, last):
        """The holidays from ``first`` to ``last`` (inclusive) as a sorted list of
        ``(datetime.date, name)``."""
        items = _native.holiday_set_list(self._handle, to_date(first, "first"), to_date(last, "last"))
        return [(from_date(fields), name) for fields, name in items]


# ---- Japanese holidays ---------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _japan():
    return HolidaySet("jp")


def japan_holidays(first_year, last_year):
    """The Japanese national holidays of ``first_year`` .. ``last_year`` (inclusive), as a
    sorted list of ``(datetime.date, name)`` with their statutory Japanese names
    (``"元日"``, ``"振替休日"``, ``"国民の休日"``...). Years 1900 .. 2150."""
    first_year = operator.index(first_year)
    last_year = operator.index(last_year)
    return _japan().holidays((first_year, 1, 1), (last_year, 12, 31))


def japan_holiday(date):
    """The Japanese national holiday's name on ``date`` (a :class:`datetime.date` or
    ``"YYYY-MM-DD"``), or None when it is not one."""
    return _native.japan_holiday(to_date(date))
