"""Agreement documents (service specifications and contracts, seed A 4.3, 4.4, 5.1), services
and parties as documents of their own, and the contract lint (``itsm/agreement.h``,
``itsm/service.h``)."""

import collections
import json
from collections.abc import Mapping

from . import itsm_native as _native
from ._base import ImmutableDocument, LabeledEnum, enum_attr

__all__ = [
    "Agreement",
    "Service",
    "Party",
    "Severity",
    "Finding",
    "lint",
]


class Severity(LabeledEnum):
    """Severity of a lint finding (``itsm_severity``); ``.label`` is "error", "warning" or
    "info"."""

    ERROR = _native.SEVERITY_ERROR
    WARNING = _native.SEVERITY_WARNING
    INFO = _native.SEVERITY_INFO

    _label_of = staticmethod(_native.severity_name)
    _what = enum_attr("a severity")


#: One finding of :func:`lint`: its :class:`Severity`, the JSON path of the missing or
#: ambiguous member (``"$.sla_items[2].unit"``), what is wrong, and the guideline item
#: asking for it (``"seed A 4.3 契約期間 (contract period)"``).
Finding = collections.namedtuple("Finding", "severity path message guideline")


class Agreement(ImmutableDocument):
    """An agreement document (``itsm_agreement``), immutable: the service items of seed A
    4.3 / 5.1, the parties and contacts of both sides (4.4), named calendars, SLA items
    with levels L1-L4, work items and hardware maintenance details.

    ``Agreement(document)`` or :meth:`from_json` takes a dict or JSON text
    ``{"itsm_schema": 1, "type": "agreement", "id": ..., ...}``
    (``docs/schema/agreement.schema.json``); errors name the JSON path. Every member but
    ``id`` is optional, so that :func:`lint` can say what an incomplete one lacks.
    """

    __slots__ = ()
    _to_json = staticmethod(_native.agreement_to_json)
    _from_json = staticmethod(_native.agreement_from_json)

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

    def evaluate(self, records, period, **kwargs):
        """Evaluate every SLA item over ``period``: see :func:`itsm.evaluate`."""
        from ._report import evaluate

        return evaluate(self, records, period, **kwargs)

    def lint(self):
        """The findings of :func:`lint` for this agreement."""
        return _findings(_native.agreement_lint(self._handle))

    def __repr__(self):
        return f"<itsm.Agreement {self.id!r}>"


class Service(ImmutableDocument):
    """A service document (``itsm_service``), immutable: the service content items of seed A
    4.3 / 5.1 (name, content, exclusions, environment, contract dates, fee, reception and
    maintenance hours, council, confidentiality, subcontracting, delivery forms, engineer
    assignment), the service's ``contacts`` (``inquiry``, ``emergency``), its SLA items,
    work items and hardware details: an :class:`Agreement` without the parties, read by
    the same tables.

    ``Service(document)`` or :meth:`from_json` takes a dict or JSON text
    ``{"itsm_schema": 1, "type": "service", "id": ..., ...}``
    (``docs/schema/service.schema.json``); errors name the JSON path.
    """

    __slots__ = ()
    _to_json = staticmethod(_native.service_to_json)
    _from_json = staticmethod(_native.service_from_json)

    @property
    def id(self):
        return _native.service_id(self._handle)

    @property
    def name(self):
        """The service name, or None."""
        return _native.service_name(self._handle)

    @property
    def sla_count(self):
        """Number of service targets (SLA items)."""
        return _native.service_sla_count(self._handle)

    def lint(self):
        """What the service lacks or leaves ambiguous (list of :class:`Finding`): the rules of
        the agreement lint for service items, SLA items, work items and hardware, and the
        5.1 contacts in place of the parties."""
        return _findings(_native.service_lint(self._handle))

    def __repr__(self):
        return f"<itsm.Service {self.id!r}>"


class Party(ImmutableDocument):
    """A party document (``itsm_party``), immutable: one side of seed A 4.4 (``company``,
    ``department``, ``subcontractors``, ``responsible`` persons, ``persons_in_charge``,
    ``inquiry`` and ``emergency`` contacts, ``roles``), with an optional ``side``
    ("vendor" or "user"): a side of an :class:`Agreement`'s ``parties``, read by the same
    table.

    ``Party(document)`` or :meth:`from_json` takes a dict or JSON text
    ``{"itsm_schema": 1, "type": "party", "id": ..., ...}``
    (``docs/schema/party.schema.json``); errors name the JSON path.
    """

    __slots__ = ()
    _to_json = staticmethod(_native.party_to_json)
    _from_json = staticmethod(_native.party_from_json)

    @property
    def id(self):
        return _native.party_id(self._handle)

    @property
    def side(self):
        """"vendor", "user" or None."""
        return _native.party_side(self._handle)

    @property
    def company(self):
        """The company name, or None."""
        return _native.party_company(self._handle)

    def lint(self):
        """What the party lacks (list of :class:`Finding`), by the 4.4 rules the agreement
        lint applies to each side; paths are the party document's (``"$.inquiry"``)."""
        return _findings(_native.party_lint(self._handle))

    def __repr__(self):
        return f"<itsm.Party {self.id!r}>"


def _findings(rows):
    return [Finding(Severity(sev), path, message, guideline) for sev, path, message, guideline in rows]


_DOCUMENT_CLASSES = {"agreement": Agreement, "service": Service, "party": Party}


def lint(document):
    """Check an :class:`Agreement`, :class:`Service` or :class:`Party` (or a dict or JSON
    text loaded as the one its ``"type"`` names) and return its findings as a list of
    :class:`Finding`, in schema order (for an agreement: service items, parties, SLA items,
    work items, hardware); an empty list when it lints clean."""
    if not isinstance(document, tuple(_DOCUMENT_CLASSES.values())):
        fields = document if isinstance(document, Mapping) else _peek(document)
        cls = _DOCUMENT_CLASSES.get(fields.get("type") if isinstance(fields, Mapping) else None, Agreement)
        document = cls(document)
    return document.lint()


def _peek(text):
    """The parsed JSON text, or None when it is not JSON (the reader reports that)."""
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None
