"""Shared fixtures for the itsm Python tests.

ctest runs these with PYTHONPATH pointing at the build tree's package
(<build>/bindings/python); the header line of the pytest report says which itsm was
imported, so a stale installed copy cannot pass unnoticed.
"""

import os

import pytest

import itsm

#: The system tz database, read by both libitsm and (in the oracle test) zoneinfo.
ZONEINFO_DIR = "/usr/share/zoneinfo"


def pytest_report_header(config):
    return f"itsm {itsm.__version__} from {os.path.dirname(itsm.__file__)}"


def zone_available(name):
    return os.path.isfile(os.path.join(ZONEINFO_DIR, name))


requires_tzdata = pytest.mark.skipif(
    not zone_available("Europe/Amsterdam"), reason=f"no tz database in {ZONEINFO_DIR}"
)


@pytest.fixture(scope="session")
def tokyo():
    return itsm.TimeZone("Asia/Tokyo", ZONEINFO_DIR)


@pytest.fixture(scope="session")
def amsterdam():
    return itsm.TimeZone("Europe/Amsterdam", ZONEINFO_DIR)


@pytest.fixture(scope="session")
def new_york():
    return itsm.TimeZone("America/New_York", ZONEINFO_DIR)
