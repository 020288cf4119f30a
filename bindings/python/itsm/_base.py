"""Bases shared by the document classes and their enums (not public)."""

import enum
import json
import os

from ._convert import document_text

__all__ = []


class enum_attr:
    """A plain class attribute in an enum's body (where any other value becomes a member)."""

    def __init__(self, value):
        self.value = value

    def __get__(self, obj, owner):
        return self.value


class LabeledEnum(enum.IntEnum):
    """An enum whose members have a document word (``.label``, from the C name function
    ``_label_of``, a staticmethod) and that :meth:`coerce` accepts as a member, an int, its
    label or (when ``_by_name``) its member name in any case. ``_what`` names the kind in
    errors."""

    _by_name = enum_attr(True)
    _what = enum_attr("a value")

    @property
    def label(self):
        """The word documents use for this member."""
        return type(self)._label_of(int(self))

    @classmethod
    def coerce(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.label == value or (cls._by_name and member.name == value.upper()):
                    return member
            raise ValueError(f"{value!r} is not {cls._what} ({', '.join(m.label for m in cls)})")
        return cls(value)


class Document:
    """A document over a C handle: canonical JSON, equality, copies and pickling through the
    JSON form. Subclasses set ``_to_json`` and ``_from_json`` (the C writer and reader) and,
    when the C side can copy a handle, ``_clone``. Mutable by default (unhashable)."""

    __slots__ = ("_handle",)
    _clone = None

    @classmethod
    def _wrap(cls, handle):
        obj = cls.__new__(cls)
        obj._handle = handle
        return obj

    @classmethod
    def from_json(cls, document):
        """An object from its document, a dict or JSON text. Errors name the JSON path."""
        return cls._wrap(cls._from_json(document_text(document, f"{cls.__name__}.from_json")))

    @classmethod
    def from_file(cls, path):
        """An object from a JSON file."""
        with open(os.fspath(path), "rb") as f:
            return cls.from_json(f.read())

    def to_json(self):
        """The canonical JSON document (str): keys in schema order; loading it and saving
        again gives the same text."""
        return self._to_json(self._handle)

    def to_dict(self):
        """The canonical document as a dict (a new one each time)."""
        return json.loads(self.to_json())

    def copy(self):
        """An independent copy."""
        if self._clone is None:
            return type(self).from_json(self.to_json())
        return self._wrap(self._clone(self._handle))

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self is other or self.to_json() == other.to_json()

    __hash__ = None  # mutable

    def __reduce__(self):
        return (type(self).from_json, (self.to_json(),))


class ImmutableDocument(Document):
    """A document that never changes after loading: ``Cls(document)`` reads it, and it hashes
    by its canonical text."""

    __slots__ = ()

    def __init__(self, document):
        self._handle = self._from_json(document_text(document, f"{type(self).__name__}()"))

    @classmethod
    def from_json(cls, document):
        """An object from its document, a dict or JSON text. Errors name the JSON path."""
        return cls(document)

    def __hash__(self):
        return hash(self.to_json())


# ---- sets and JSON Lines streams of documents -------------------------------------------------


def set_from_json(cls, reader, document, what):
    """The objects of a set document (a dict or JSON text) read by the C set reader."""
    return [cls._wrap(handle) for handle in reader(document_text(document, what))]


def set_to_json(cls, writer, objects, what):
    """The canonical set document (str) of ``objects``, each a ``cls``."""
    handles = []
    for i, obj in enumerate(objects):
        if not isinstance(obj, cls):
            raise TypeError(f"{what}: item {i} must be a {cls.__name__}, not {type(obj).__name__}")
        handles.append(obj._handle)
    return writer(handles)


def read_jsonl(cls, opener, next_record, path):
    """The objects of a JSON Lines file, one at a time (a generator)."""
    stream = opener(os.fspath(path))
    while True:
        handle = next_record(stream)
        if handle is None:
            return
        yield cls._wrap(handle)
