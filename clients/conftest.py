"""Fixtures shared by the contract, Python-client and shell-client tests: a real socd each."""

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "testsupport"))

try:  # the package installed into the test venv by `make clients-test`, else the source tree
    import socd  # noqa: F401
except ImportError:
    sys.path.insert(0, os.path.join(HERE, "python"))

from socd_process import SocdProcess  # noqa: E402


@pytest.fixture
def daemon():
    """A socd with fresh state for this test alone; fails the test if it does not stop cleanly."""
    process = SocdProcess().start()
    yield process
    log = process.log()
    status = process.stop()
    assert status == 0, f"socd exited with status {status}:\n{log}"


@pytest.fixture(scope="module")
def shared_daemon():
    """One socd for a module whose tests do not depend on each other's state."""
    process = SocdProcess().start()
    yield process
    log = process.log()
    status = process.stop()
    assert status == 0, f"socd exited with status {status}:\n{log}"
