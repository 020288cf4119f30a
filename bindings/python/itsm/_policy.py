"""How local times in DST gaps and overlaps become instants."""

import enum
import operator

from . import itsm_native as _native
from ._errors import InvalidArgumentError


__all__ = ["LocalPolicy"]


class LocalPolicy(enum.IntFlag):
    """Resolution of local times that do not exist or exist twice (``itsm_local_policy``).

    Combine one ``GAP_*`` flag with one ``OVERLAP_*`` flag with ``|``:

    * ``GAP_SHIFT`` (0): a local time in a spring-forward gap moves forward by the gap's
      length (Amsterdam 2024-03-31 02:30 -> 03:30 CEST);
    * ``GAP_NEXT_VALID``: it becomes the first instant after the gap (-> 03:00 CEST);
    * ``GAP_ERROR``: it raises :class:`itsm.NonexistentTimeError`;
    * ``OVERLAP_EARLIER`` (0): a local time that occurs twice (fall back) is its first
      occurrence (Amsterdam 2024-10-27 02:30 -> 02:30 CEST);
    * ``OVERLAP_LATER``: its second occurrence (-> 02:30 CET);
    * ``OVERLAP_ERROR``: it raises :class:`itsm.AmbiguousTimeError`.

    ``DEFAULT`` (0) is ``GAP_SHIFT | OVERLAP_EARLIER``; ``STRICT`` is
    ``GAP_ERROR | OVERLAP_ERROR``. Values are those of the C enum.

    Wherever a policy is taken, a string works too (see :meth:`from_str`).
    """

    DEFAULT = _native.LOCAL_DEFAULT
    GAP_SHIFT = _native.GAP_SHIFT
    GAP_NEXT_VALID = _native.GAP_NEXT_VALID
    GAP_ERROR = _native.GAP_ERROR
    OVERLAP_EARLIER = _native.OVERLAP_EARLIER
    OVERLAP_LATER = _native.OVERLAP_LATER
    OVERLAP_ERROR = _native.OVERLAP_ERROR
    STRICT = _native.LOCAL_STRICT

    @classmethod
    def from_str(cls, text):
        """Parse a policy name.

        Accepted (case-insensitive):

        * ``"default"`` -- ``DEFAULT`` (= ``"shift:earlier"``);
        * ``"strict"`` -- ``STRICT`` (= ``"raise:raise"``);
        * ``"GAP:OVERLAP"`` with GAP one of ``shift``, ``next`` (first valid instant after
          the gap) or ``raise``, and OVERLAP one of ``earlier``, ``later`` or ``raise``,
          e.g. ``"shift:earlier"``, ``"next:later"``, ``"raise:later"``.

        Raises:
            InvalidArgumentError: (a ValueError) for anything else.
        """
        key = text.strip().lower()
        if key == "default":
            return cls.DEFAULT
        if key == "strict":
            return cls.STRICT
        gap, sep, overlap = key.partition(":")
        if sep and gap in _GAP_NAMES and overlap in _OVERLAP_NAMES:
            return _GAP_NAMES[gap] | _OVERLAP_NAMES[overlap]
        raise InvalidArgumentError(
            f"policy {text!r} is not valid: use 'default', 'strict' or 'GAP:OVERLAP' with "
            "GAP in shift/next/raise and OVERLAP in earlier/later/raise (e.g. 'next:later')"
        )


_GAP_NAMES = {
    "shift": LocalPolicy.GAP_SHIFT,
    "next": LocalPolicy.GAP_NEXT_VALID,
    "raise": LocalPolicy.GAP_ERROR,
}
_OVERLAP_NAMES = {
    "earlier": LocalPolicy.OVERLAP_EARLIER,
    "later": LocalPolicy.OVERLAP_LATER,
    "raise": LocalPolicy.OVERLAP_ERROR,
}


def to_policy(policy):
    """The C policy value (an ``int``) of a LocalPolicy, an int or a policy string.

    Whether an integer's flags form a valid combination is checked by libitsm
    (InvalidArgumentError).
    """
    if isinstance(policy, str):
        return int(LocalPolicy.from_str(policy))
    if isinstance(policy, bool):
        raise TypeError("policy must be a LocalPolicy, an int or a string, not bool")
    try:
        value = operator.index(policy)
    except TypeError:
        raise TypeError(
            f"policy must be a LocalPolicy, an int or a string, not {type(policy).__name__}"
        ) from None
    if not 0 <= value <= 0xFFFFFFFF:
        raise InvalidArgumentError(f"policy {value} is not valid")
    return value
