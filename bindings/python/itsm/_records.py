"""Operational record documents (``itsm/records.h``): calls, outages and maintenance
windows, backup runs, monitoring checks, modification requests and changes, effort records
and report deliveries."""

import enum
import json
import os

from . import itsm_native as _native
from ._convert import JsonDocument
from ._convert import document_text as _document_text

__all__ = [
    "Record",
    "RecordType",
]


class RecordType(enum.IntEnum):
    """The type of a record (``itsm_record_type``); ``.label`` is its "type" word."""

    CALL = _native.RECORD_CALL
    OUTAGE = _native.RECORD_OUTAGE
    BACKUP_RUN = _native.RECORD_BACKUP_RUN
    MONITORING_CHECK = _native.RECORD_MONITORING_CHECK
    CHANGE = _native.RECORD_CHANGE
    EFFORT = _native.RECORD_EFFORT
    REPORT_DELIVERY = _native.RECORD_REPORT_DELIVERY

    @property
    def label(self):
        """"call", "outage", "backup_run", ... as in the document's "type"."""
        return _native.record_type_name(int(self))


class Record(JsonDocument):
    """An operational record document (``itsm_record``), immutable.

    ``Record(document)`` or :meth:`from_json` takes a dict or JSON text
    ``{"itsm_schema": 1, "type": "<type>", "id": ..., ...}`` where the type is one of
    :class:`RecordType` (``docs/schema/<type>.schema.json``); errors name the JSON path.
    """

    __slots__ = ("_handle",)

    def __init__(self, document):
        self._handle = _native.record_from_json(_document_text(document, "Record()"))

    @classmethod
    def from_json(cls, document):
        """A record from its document, a dict or JSON text."""
        return cls(document)

    @classmethod
    def from_file(cls, path):
        """A record from a JSON file."""
        with open(os.fspath(path), "rb") as f:
            return cls(f.read())

    def to_json(self):
        """The canonical JSON document (str): keys in schema order; loading it and saving
        again gives the same text."""
        return _native.record_to_json(self._handle)

    def to_dict(self):
        """The canonical document as a dict (a new one each time)."""
        return json.loads(self.to_json())

    @property
    def type(self):
        """The :class:`RecordType`."""
        return RecordType(_native.record_get_type(self._handle))

    @property
    def id(self):
        return _native.record_id(self._handle)

    def __repr__(self):
        return f"<itsm.Record {self.type.label} {self.id!r}>"
