"""The package surface: version, exports, exceptions, policies."""

import pickle

import pytest

import itsm
from itsm import itsm_native


def test_version_comes_from_the_c_library():
    assert itsm.__version__ == itsm_native.version()
    assert itsm.__version__ == itsm_native.VERSION_STRING  # headers and library agree
    assert itsm.version_info == tuple(int(p) for p in itsm.__version__.split("."))
    assert isinstance(itsm.version_info, tuple) and len(itsm.version_info) == 3


def test_all_names_exist():
    for name in itsm.__all__:
        assert hasattr(itsm, name), name
    for name in ("parse_instant", "format_instant", "TimeZone", "LocalPolicy", "Error"):
        assert name in itsm.__all__


def test_instant_limits():
    assert itsm.format_instant(itsm.INSTANT_MIN) == "1900-01-01T00:00:00Z"
    assert itsm.format_instant(itsm.INSTANT_MAX) == "2200-12-31T23:59:59Z"


# ---- exceptions ----------------------------------------------------------------------------

HIERARCHY = [
    (itsm.ParseError, ValueError, itsm.ErrorCode.EPARSE),
    (itsm.RangeError, ValueError, itsm.ErrorCode.ERANGE),
    (itsm.InvalidArgumentError, ValueError, itsm.ErrorCode.EINVAL),
    (itsm.NotFoundError, LookupError, itsm.ErrorCode.ENOTFOUND),
    (itsm.FormatError, ValueError, itsm.ErrorCode.EFORMAT),
    (itsm.NonexistentTimeError, ValueError, itsm.ErrorCode.ENONEXISTENT),
    (itsm.AmbiguousTimeError, ValueError, itsm.ErrorCode.EAMBIGUOUS),
    (itsm.OutOfMemoryError, MemoryError, itsm.ErrorCode.ENOMEM),
    (itsm.FileError, OSError, itsm.ErrorCode.EIO),
    (itsm.BusyError, RuntimeError, itsm.ErrorCode.EBUSY),
    (itsm.VersionError, ValueError, itsm.ErrorCode.EVERSION),
]


@pytest.mark.parametrize("cls, builtin, code", HIERARCHY)
def test_exception_hierarchy(cls, builtin, code):
    assert issubclass(cls, itsm.Error)
    assert issubclass(cls, builtin)
    exc = cls("some message")
    assert isinstance(exc, itsm.Error) and isinstance(exc, builtin)
    assert exc.code == code
    assert exc.message == "some message" and str(exc) == "some message"
    assert cls.__module__ == "itsm"


@pytest.mark.parametrize("cls, builtin, code", HIERARCHY)
def test_status_maps_to_class(cls, builtin, code):
    exc = itsm._errors._from_status(int(code), "msg")
    assert type(exc) is cls
    assert exc.code == code


def test_unknown_status_is_base_error():
    exc = itsm._errors._from_status(-1000, "msg")
    assert type(exc) is itsm.Error and exc.code == -1000
    assert type(itsm._errors._from_status(-1, "m")) is itsm.Error


@pytest.mark.parametrize("cls, builtin, code", HIERARCHY)
def test_exceptions_pickle(cls, builtin, code):
    exc = pickle.loads(pickle.dumps(cls("lost at offset 3")))
    assert type(exc) is cls and exc.code == code and exc.message == "lost at offset 3"


def test_error_codes_mirror_the_c_enum():
    for member in itsm.ErrorCode:
        assert member == getattr(itsm_native, member.name)
    assert itsm.ErrorCode.OK == 0 and itsm.ErrorCode.EAMBIGUOUS == -12


def test_raised_errors_carry_code_and_c_message():
    with pytest.raises(itsm.ParseError) as info:
        itsm.parse_instant("2024-05-01X")
    assert info.value.code == itsm.ErrorCode.EPARSE
    assert info.value.message == str(info.value)
    assert "offset 10" in info.value.message


# ---- LocalPolicy -----------------------------------------------------------------------------


def test_policy_values_mirror_the_c_enum():
    P = itsm.LocalPolicy
    assert P.DEFAULT == 0 == itsm_native.LOCAL_DEFAULT
    assert P.GAP_SHIFT == itsm_native.GAP_SHIFT == 0
    assert P.GAP_NEXT_VALID == itsm_native.GAP_NEXT_VALID
    assert P.GAP_ERROR == itsm_native.GAP_ERROR
    assert P.OVERLAP_EARLIER == itsm_native.OVERLAP_EARLIER == 0
    assert P.OVERLAP_LATER == itsm_native.OVERLAP_LATER
    assert P.OVERLAP_ERROR == itsm_native.OVERLAP_ERROR
    assert P.STRICT == P.GAP_ERROR | P.OVERLAP_ERROR == itsm_native.LOCAL_STRICT
    assert isinstance(P.GAP_NEXT_VALID | P.OVERLAP_LATER, P)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("default", 0),
        ("strict", itsm.LocalPolicy.STRICT),
        ("shift:earlier", 0),
        ("next:later", itsm.LocalPolicy.GAP_NEXT_VALID | itsm.LocalPolicy.OVERLAP_LATER),
        ("raise:raise", itsm.LocalPolicy.STRICT),
        ("raise:earlier", itsm.LocalPolicy.GAP_ERROR),
        (" Shift:Later ", itsm.LocalPolicy.OVERLAP_LATER),
    ],
)
def test_policy_strings(text, expected):
    assert itsm.LocalPolicy.from_str(text) == expected


@pytest.mark.parametrize("text", ["", "lenient", "shift", "shift:", "later:shift", "next:next"])
def test_bad_policy_strings(text):
    with pytest.raises(itsm.InvalidArgumentError, match="policy"):
        itsm.LocalPolicy.from_str(text)
