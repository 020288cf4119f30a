"""Agreement documents (service specifications and contracts, seed A 4.3, 4.4, 5.1) and the
contract lint (``itsm/agreement.h``)."""

import collections
import enum
import json
import os

from . import itsm_native as _native
from ._convert import JsonDocument
from ._convert import document_text as _document_text

__all__ = [
    "Agreement",
    "Severity",
    "Finding",
    "lint",
]


class Severity(enum.IntEnum):
    """Severity of a lint finding (``itsm_severity``)."""

    ERROR = _native.SEVERITY_ERROR
    WARNING = _native.SEVERITY_WARNING
    INFO = _native.SEVERITY_INFO

    @property
    def label(self):
        """"error", "warning" or "info"."""
        return _native.severity_name(int(self))


#: One finding of :func:`lint`: its :class:`Severity`, the JSON path of the missing or
#: ambiguous member (``"$.sla_items[2].unit"``), what is wrong, and the guideline item
#: asking for it (``"seed A 4.3 契約期間 (contract period)"``).
Finding = collections.namedtuple("Finding", "severity path message guideline")


class Agreement(JsonDocument):
    """An agreement document (``itsm_agreement``), immutable: the service items of seed A
    4.3 / 5.1, the parties and contacts of both sides (4.4), named calendars, SLA items
    with levels L1-L4, work items and hardware maintenance details.

    ``Agreement(document)`` or :meth:`from_json` takes a dict or JSON text
    ``{"itsm_schema": 1, "type": "agreement", "id": ..., ...}``
    (``docs/schema/agreement.schema.json``); errors name the JSON path. Every member but
    ``id`` is optional, so that :func:`lint` can say what an incomplete one lacks.
    """

    __slots__ = ("_handle",)

    def __init__(self, document):
        self._handle = _native.agreement_from_json(_document_text(document, "Agreement()"))

    @classmethod
    def from_json(cls, document):
        """An agreement from its document, a dict or JSON text."""
        return cls(document)

    @classmethod
    def from_file(cls, path):
        """An agreement from a JSON file."""
        with open(os.fspath(path), "rb") as f:
            return cls(f.read())

    def to_json(self):
        """The canonical JSON document (str): keys in schema order; loading it and saving
        again gives the same text."""
        return _native.agreement_to_json(self._handle)

    def to_dict(self):
        """The canonical document as a dict (a new one each time)."""
        return json.loads(self.to_json())

    @property
    def id(self):
        return _native.agreement_id(self._handle)

    @property
    def name(self):
        """The service name, or None."""
        return _native.agreement_name(self._handle)

    @property
    def sla_count(self):
        """Number of SLA items."""
        return _native.agreement_sla_count(self._handle)

    def lint(self):
        """The findings of :func:`lint` for this agreement."""
        return [
            Finding(Severity(sev), path, message, guideline)
            for sev, path, message, guideline in _native.agreement_lint(self._handle)
        ]

    def __repr__(self):
        return f"<itsm.Agreement {self.id!r}>"


def lint(agreement):
    """Check an agreement (an :class:`Agreement`, or a dict or JSON text loaded as one) and
    return its findings as a list of :class:`Finding`, in schema order (service items,
    parties, SLA items, work items, hardware); an empty list when it lints clean."""
    if not isinstance(agreement, Agreement):
        agreement = Agreement(agreement)
    return agreement.lint()
