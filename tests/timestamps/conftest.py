"""The test timestamp authority, made once for each module that asks for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.tsa import OPENSSL, TimestampAuthority, make_authority


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> TimestampAuthority:
    if OPENSSL is None:
        pytest.skip("the openssl command makes the test's timestamp authority")
    return make_authority(Path(tmp_path_factory.mktemp("tsa")))
