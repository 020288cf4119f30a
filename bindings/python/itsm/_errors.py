"""Exceptions raised by the itsm package.

Every failing libitsm call raises a subclass of :class:`Error` carrying the C status code
(``.code``, an :class:`ErrorCode`) and the library's message (``.message``), which names
the argument, field or text offset that was wrong. The subclasses also derive from the
matching built-in exception, so ``except ValueError`` catches a :class:`ParseError`.

=======================  ====================  ===================================
C status                 exception             also a
=======================  ====================  ===================================
``ITSM_ERROR``           :class:`Error`
``ITSM_ENOMEM``          OutOfMemoryError      MemoryError
``ITSM_EINVAL``          InvalidArgumentError  ValueError
``ITSM_EPARSE``          ParseError            ValueError
``ITSM_ERANGE``          RangeError            ValueError
``ITSM_ENOTFOUND``       NotFoundError         LookupError
``ITSM_EIO``             FileError             OSError
``ITSM_EFORMAT``         FormatError           ValueError
``ITSM_EBUSY``           BusyError             RuntimeError
``ITSM_EVERSION``        VersionError          ValueError
``ITSM_ENONEXISTENT``    NonexistentTimeError  ValueError
``ITSM_EAMBIGUOUS``      AmbiguousTimeError    ValueError
=======================  ====================  ===================================
"""

import enum

from . import itsm_native as _native

__all__ = [
    "ErrorCode",
    "Error",
    "OutOfMemoryError",
    "InvalidArgumentError",
    "ParseError",
    "RangeError",
    "NotFoundError",
    "FileError",
    "FormatError",
    "BusyError",
    "VersionError",
    "NonexistentTimeError",
    "AmbiguousTimeError",
    "MissingDependencyError",
]


class ErrorCode(enum.IntEnum):
    """The C library's status codes (``itsm_code``), values identical to the C enum."""

    OK = _native.OK
    ERROR = _native.ERROR
    ENOMEM = _native.ENOMEM
    EINVAL = _native.EINVAL
    EPARSE = _native.EPARSE
    ERANGE = _native.ERANGE
    ENOTFOUND = _native.ENOTFOUND
    EIO = _native.EIO
    EFORMAT = _native.EFORMAT
    EBUSY = _native.EBUSY
    EVERSION = _native.EVERSION
    ENONEXISTENT = _native.ENONEXISTENT
    EAMBIGUOUS = _native.EAMBIGUOUS


class Error(Exception):
    """Base class of every error reported by libitsm.

    Attributes:
        code: the :class:`ErrorCode` (an ``int``) the C function returned.
        message: the C library's message (``itsm_error_last()``), also ``str(exc)``.
    """

    #: The code a subclass stands for; the base class covers ITSM_ERROR and unknown codes.
    default_code = ErrorCode.ERROR

    def __init__(self, message, code=None):
        if code is None:
            code = self.default_code
        try:
            code = ErrorCode(code)
        except ValueError:
            code = int(code)
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self):
        return self.message

    def __reduce__(self):
        return (type(self), (self.message, int(self.code)))


class OutOfMemoryError(Error, MemoryError):
    """An allocation inside libitsm failed (ITSM_ENOMEM)."""

    default_code = ErrorCode.ENOMEM


class InvalidArgumentError(Error, ValueError):
    """An argument is invalid: out of its domain, a bad policy (ITSM_EINVAL)."""

    default_code = ErrorCode.EINVAL


class ParseError(Error, ValueError):
    """Text could not be parsed; the message gives the offset (ITSM_EPARSE)."""

    default_code = ErrorCode.EPARSE


class RangeError(Error, ValueError):
    """A value is outside the supported range, e.g. dates 1900..2200 (ITSM_ERANGE)."""

    default_code = ErrorCode.ERANGE


class NotFoundError(Error, LookupError):
    """A named thing, such as a time zone, does not exist (ITSM_ENOTFOUND)."""

    default_code = ErrorCode.ENOTFOUND


class FileError(Error, OSError):
    """Reading a file failed (ITSM_EIO)."""

    default_code = ErrorCode.EIO


class FormatError(Error, ValueError):
    """A data file is malformed, e.g. a TZif file (ITSM_EFORMAT)."""

    default_code = ErrorCode.EFORMAT


class BusyError(Error, RuntimeError):
    """The operation is not allowed now (ITSM_EBUSY)."""

    default_code = ErrorCode.EBUSY


class VersionError(Error, ValueError):
    """An options struct or document version is not supported (ITSM_EVERSION)."""

    default_code = ErrorCode.EVERSION


class NonexistentTimeError(Error, ValueError):
    """A local time falls in a DST gap and the policy says error (ITSM_ENONEXISTENT)."""

    default_code = ErrorCode.ENONEXISTENT


class AmbiguousTimeError(Error, ValueError):
    """A local time occurs twice (DST overlap) and the policy says error (ITSM_EAMBIGUOUS)."""

    default_code = ErrorCode.EAMBIGUOUS


class MissingDependencyError(Error, ImportError):
    """An optional Python package a feature needs is not installed (matplotlib for
    :mod:`itsm.plot`). Never raised by the C library; ``code`` is ITSM_ERROR."""

    def __init__(self, message, code=None, name=None):
        super().__init__(message, code)
        self.name = name  # the missing module, as ImportError.name

    def __reduce__(self):
        return (type(self), (self.message, int(self.code), self.name))


_CLASS_BY_CODE = {
    cls.default_code: cls
    for cls in (
        OutOfMemoryError,
        InvalidArgumentError,
        ParseError,
        RangeError,
        NotFoundError,
        FileError,
        FormatError,
        BusyError,
        VersionError,
        NonexistentTimeError,
        AmbiguousTimeError,
    )
}


def _from_status(code, message):
    """The exception for a negative C status ``code``; called by the SWIG layer."""
    cls = _CLASS_BY_CODE.get(code, Error)
    return cls(message, code)
