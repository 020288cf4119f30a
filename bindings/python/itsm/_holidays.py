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
from ._errors import InvalidArgumentError

__all__ = ["HolidaySet", "japan_holidays", "japan_holiday", "BUILTIN_HOLIDAY_SETS"]

#: Names of the built-in sets: ``jp`` (Japanese national holidays, 1948-07-20 ..
#: 2150-12-31, with substitute and citizens' holidays) and ``jp-year-end`` (Dec 29 ..
#: Jan 3 every year).
BUILTIN_HOLIDAY_SETS = ("jp", "jp-year-end")

# ---- custom sets from a definition ---------------------------------------------------------


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

      ``"include": ["jp", {...}]`` adds sources ahead of the set's own (a date's name
      comes from the first source that covers it). Dates may be :class:`datetime.date`
      objects too. Unknown keys are errors naming their path (``$.fixed[0].mnth``).

    Pass sets to :class:`itsm.Calendar` (``holiday_sets=[...]``) so that a calendar
    document can name them in ``"holidays"``. Sets compare equal and hash by their
    canonical definition (as the C library writes it), and pickle as it.

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
            # The C reader validates (errors name the JSON path) and builds the set; the
            # definition kept is its canonical form, so equal sets compare equal.
            text = json.dumps(_plain(name_or_definition), ensure_ascii=False)
            self._handle = _native.holiday_set_from_json(text)
            self._definition = json.loads(_native.holiday_set_to_json(self._handle))
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
