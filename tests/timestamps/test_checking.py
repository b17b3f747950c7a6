"""A reply is kept only whole: every single-bit change anywhere in it is refused, in one
sentence, with nothing written, also in the fields no signature covers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from asn1crypto import tsp

from tests.support.cases import PASSPHRASE, vault_bytes
from tests.support.legacy import downgrade_to_third_format
from tests.support.pictures import make_png
from tests.support.tsa import TimestampAuthority, needs_openssl
from tui.core.evidence.adding import add_file
from tui.core.shared.errors import InputError
from tui.core.timestamps.checking import CHANGED, NO_SIGNER
from tui.core.timestamps.stamps import add_reply, list_stamps, make_request
from tui.core.vault import custody
from tui.core.vault.vault import Vault

pytestmark = needs_openssl

#: ecdsa-with-SHA256, as the signer's record names its signature algorithm.
ECDSA_SHA256 = bytes.fromhex("06082a8648ce3d040302")


@pytest.fixture
def answered(vault: Vault, tmp_path: Path, tsa: TimestampAuthority) -> bytes:
    add_file(vault, make_png(tmp_path / "post.png"))
    make_request(vault, tmp_path / "case.tsq")
    return tsa.reply(tmp_path / "case.tsq", tmp_path / "reply.tsr").read_bytes()


def _flipped(data: bytes, offset: int, bit: int = 0) -> bytes:
    changed = bytearray(data)
    changed[offset] ^= 1 << bit
    return bytes(changed)


def test_no_single_bit_change_is_kept(vault: Vault, answered: bytes, tsa: TimestampAuthority):
    root = tsa.root.read_bytes()
    before = vault_bytes(vault.path)
    signer_version = [m.start() + 2 for m in re.finditer(rb"\x02\x01\x01\x30", answered)][-1]
    offsets = {
        *range(0, len(answered), 6),
        answered.rindex(ECDSA_SHA256) + len(ECDSA_SHA256) - 1,  # signed by no one
        signer_version,  # nor is this
    }
    for offset in sorted(offsets):
        with pytest.raises(InputError):
            add_reply(vault, _flipped(answered, offset, offset % 8), root)
    assert vault_bytes(vault.path) == before
    assert list_stamps(vault)[0].reply is None
    with pytest.raises(InputError, match=re.escape(CHANGED)):
        add_reply(vault, _flipped(answered, signer_version), root)
    assert add_reply(vault, answered, root).reply == answered, "the whole reply is kept"


def test_a_reply_carrying_its_chain_in_chain_order_is_kept_as_sent(
    vault: Vault, tmp_path: Path, tsa: TimestampAuthority
):
    add_file(vault, make_png(tmp_path / "post.png"))
    make_request(vault, tmp_path / "case.tsq")
    sent = tsa.reply(tmp_path / "case.tsq", tmp_path / "reply.tsr", chain=True).read_bytes()
    kept = add_reply(vault, sent, tsa.root.read_bytes())
    assert kept.reply == sent and kept.authority == "CN=Test TSA,O=Reclaim Tests"
    assert list_stamps(vault)[0].reply == sent


def test_a_case_of_the_previous_format_has_none_and_takes_one(
    vault: Vault, tmp_path: Path, tsa: TimestampAuthority
):
    """No table of time-stamps is no time-stamp: the format needs no new version."""
    add_file(vault, make_png(tmp_path / "post.png"))
    downgrade_to_third_format(vault)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as opened:
        assert list_stamps(opened) == []
        made = make_request(opened, tmp_path / "old.tsq")
        reply = tsa.reply(tmp_path / "old.tsq", tmp_path / "old.tsr").read_bytes()
        kept = add_reply(opened, reply, tsa.root.read_bytes())
        assert (kept.number, kept.first, kept.count) == (made.number, "E-0001", 1)
        assert custody.verify(opened.table(custody.TABLE)) == []


def test_a_reply_without_the_authoritys_certificate_needs_it_given(
    vault: Vault, tmp_path: Path, tsa: TimestampAuthority
):
    add_file(vault, make_png(tmp_path / "post.png"))
    make_request(vault, tmp_path / "case.tsq")
    asked = tsp.TimeStampReq.load((tmp_path / "case.tsq").read_bytes())
    asked["cert_req"] = False  # as an authority that ignores certReq would answer
    (tmp_path / "bare.tsq").write_bytes(asked.dump())
    bare = tsa.reply(tmp_path / "bare.tsq", tmp_path / "bare.tsr").read_bytes()
    with pytest.raises(InputError, match=re.escape(NO_SIGNER)):
        add_reply(vault, bare, tsa.root.read_bytes())
    both = (tsa.folder / "tsa.pem").read_bytes() + tsa.root.read_bytes()
    assert add_reply(vault, bare, both).authority == "CN=Test TSA,O=Reclaim Tests"
