"""The vault's one plaintext file: format version, KDF parameters and the wrapped keys.

Two checks guard it. A SHA-256 checksum over its content catches accidental damage
before any passphrase is asked for, so a damaged file is not mistaken for a wrong
passphrase. An HMAC keyed from the data key catches deliberate changes: after unlocking,
a header that was altered (even with a fixed-up checksum) is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from cryptography.exceptions import InvalidTag

from tui.core.shared.errors import VaultDamaged, WrongPassphrase
from tui.core.shared.i18n import N_, _
from tui.core.vault import keys

FORMAT = "reclaim-vault"
#: 2: the record carries a generation and each blob its exhibit's card. 3: the record is
#: a snapshot and a journal of changes (store.py). 4: the case-wide settings have a table
#: of their own (migrations.py). Cases of earlier versions open and are brought to the
#: current version at once (see `Vault.open`).
VERSION = 4
READABLE_VERSIONS = frozenset({1, 2, 3, 4})
SALT_BYTES = 16

DAMAGED = N_(
    "The case's header file is damaged, so the case can't be opened. "
    "Restore it from a backup copy."
)


WRONG_PASSPHRASE = N_(
    "That passphrase does not open this case. Check it and try again (or use your recovery code)."
)
WRONG_RECOVERY_CODE = N_(
    "That recovery code does not open this case. Check it against your written copy."
)


def passphrase_forms(passphrase: str) -> tuple[str, ...]:
    """What a typed passphrase is tried as: NFC first, so "é" typed as one code point or
    as e + accent opens the same case; then exactly as typed, because cases made before
    passphrases were normalised hold the key under whatever form was typed then."""
    normal = unicodedata.normalize("NFC", passphrase)
    return (normal,) if normal == passphrase else (normal, passphrase)


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=True).encode("ascii")


@dataclass(frozen=True)
class Header:
    vault_id: str
    """Random id of this vault; bound into every ciphertext so pieces of two vaults
    can't be mixed."""
    slots: dict[str, dict[str, Any]]
    """Named wrapped copies of the data key: "passphrase" and "recovery"."""
    mac: str = ""
    """HMAC over everything else, keyed from the data key."""
    version: int = VERSION
    """The vault format this header was written for (see VERSION)."""

    # ---- creation and re-wrapping -------------------------------------------------

    @classmethod
    def create(
        cls,
        data_key: bytes,
        passphrase: str,
        params: keys.Argon2Params,
        recovery_code: str,
        vault_id: str | None = None,
    ) -> Header:
        """A new header; `vault_id` is kept when a case gets a new key (see rekey.py)."""
        header = cls(vault_id=vault_id or secrets.token_hex(16), slots={})
        header = header._with_passphrase_slot(data_key, passphrase, params)
        return header.with_recovery_code(data_key, recovery_code)

    def with_recovery_code(self, data_key: bytes, recovery_code: str) -> Header:
        """A copy whose recovery slot opens with `recovery_code` (the old code no longer)."""
        code = keys.normalize_recovery_code(recovery_code)
        assert code is not None
        salt = secrets.token_bytes(SALT_BYTES)
        slot: dict[str, Any] = {"kdf": "hkdf-sha256", "salt": keys.b64(salt)}
        wrapped = keys.seal(
            keys.derive_from_recovery_code(code, salt),
            data_key,
            self._slot_aad("recovery", slot),
        )
        slot["wrapped"] = keys.b64(wrapped)
        return replace(self, slots={**self.slots, "recovery": slot}).signed(data_key)

    def with_passphrase(
        self, data_key: bytes, passphrase: str, params: keys.Argon2Params
    ) -> Header:
        """A copy whose passphrase slot opens with `passphrase`; nothing is re-encrypted."""
        return self._with_passphrase_slot(data_key, passphrase, params).signed(data_key)

    def _with_passphrase_slot(
        self, data_key: bytes, passphrase: str, params: keys.Argon2Params
    ) -> Header:
        keys.Argon2Params.from_dict(params.as_dict())  # never write what won't be read
        salt = secrets.token_bytes(SALT_BYTES)
        slot: dict[str, Any] = {"kdf": "argon2id", "argon2id": params.as_dict()}
        slot["salt"] = keys.b64(salt)
        kek = keys.derive_from_passphrase(passphrase_forms(passphrase)[0], salt, params)
        slot["wrapped"] = keys.b64(keys.seal(kek, data_key, self._slot_aad("passphrase", slot)))
        return replace(self, slots={**self.slots, "passphrase": slot})

    def _slot_aad(self, name: str, slot: dict[str, Any]) -> bytes:
        settings = {k: v for k, v in slot.items() if k != "wrapped"}
        return b"|".join(
            [b"reclaim-slot", name.encode(), self.vault_id.encode(), _canonical(settings)]
        )

    # ---- unwrapping ---------------------------------------------------------------

    @classmethod
    def stand_in(cls, params: keys.Argon2Params) -> Header:
        """A header no secret opens, with random salts and wrapped keys: unwrapping it
        runs the same KDF and fails with the same sentence as a real case, so a case
        number that isn't there answers exactly like a wrong passphrase, at the same cost."""
        slots: dict[str, dict[str, Any]] = {
            "passphrase": {"kdf": "argon2id", "argon2id": params.as_dict()},
            "recovery": {"kdf": "hkdf-sha256"},
        }
        for slot in slots.values():
            slot["salt"] = keys.b64(secrets.token_bytes(SALT_BYTES))
            slot["wrapped"] = keys.b64(secrets.token_bytes(keys.NONCE_BYTES + keys.KEY_BYTES + 16))
        return cls(vault_id=secrets.token_hex(16), slots=slots)

    def unwrap_with_passphrase(self, passphrase: str) -> bytes:
        slot = self.slots["passphrase"]
        params = keys.Argon2Params.from_dict(slot["argon2id"])
        salt = keys.unb64(slot["salt"])
        for form in passphrase_forms(passphrase):
            kek = keys.derive_from_passphrase(form, salt, params)
            try:
                return self._unwrap("passphrase", kek, WrongPassphrase(_(WRONG_PASSPHRASE)))
            except WrongPassphrase:
                continue
        raise WrongPassphrase(_(WRONG_PASSPHRASE))

    def unwrap_with_recovery_code(self, text: str) -> bytes:
        wrong = WrongPassphrase(_(WRONG_RECOVERY_CODE))
        code = keys.normalize_recovery_code(text)
        if code is None:
            raise WrongPassphrase(
                _(
                    "That is not a recovery code: it has 24 letters and digits, "
                    "like ABCD-EFGH-JKMN-PQRS-TVWX-YZ12."
                )
            )
        kek = keys.derive_from_recovery_code(code, keys.unb64(self.slots["recovery"]["salt"]))
        return self._unwrap("recovery", kek, wrong)

    def _unwrap(self, name: str, kek: bytes, wrong: Exception) -> bytes:
        slot = self.slots[name]
        try:
            data_key = keys.open_sealed(
                kek, keys.unb64(slot["wrapped"]), self._slot_aad(name, slot)
            )
        except InvalidTag:
            raise wrong from None
        self.verify(data_key)
        return data_key

    # ---- integrity ----------------------------------------------------------------

    def _body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "vault_id": self.vault_id,
            "slots": self.slots,
        }

    def _expected_mac(self, data_key: bytes) -> str:
        mac_key = keys.subkey(data_key, "reclaim header mac v1")  # i18n: not shown
        return hmac.new(mac_key, _canonical(self._body()), hashlib.sha256).hexdigest()

    def upgraded(self, data_key: bytes) -> Header:
        """The same header for the current format version, signed anew."""
        return replace(self, version=VERSION).signed(data_key)

    def signed(self, data_key: bytes) -> Header:
        return replace(self, mac=self._expected_mac(data_key))

    def verify(self, data_key: bytes) -> None:
        """Raise VaultDamaged unless the header is exactly as this vault's key wrote it."""
        if not hmac.compare_digest(self.mac, self._expected_mac(data_key)):
            raise VaultDamaged(
                _(
                    "The case's header file was changed outside Reclaim, so it can't be "
                    "trusted. Restore it from a backup copy."
                )
            )

    # ---- bytes on disk ------------------------------------------------------------

    def to_bytes(self) -> bytes:
        body = {**self._body(), "mac": self.mac}
        body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
        return _canonical(body) + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> Header:
        try:
            data = json.loads(raw.decode("ascii"))
            if not isinstance(data, dict):
                raise ValueError("not an object")  # i18n: not shown
            if _canonical(data) + b"\n" != raw:
                raise ValueError("not in canonical form")  # i18n: not shown
            checksum = data.pop("checksum")
            if not hmac.compare_digest(checksum, hashlib.sha256(_canonical(data)).hexdigest()):
                raise ValueError("checksum mismatch")  # i18n: not shown
            if data.get("format") != FORMAT:
                raise ValueError("not a Reclaim vault")  # i18n: not shown
            if data.get("version") not in READABLE_VERSIONS:
                raise VaultDamaged(
                    _(
                        "This case was made by a newer version of Reclaim; update Reclaim to "
                        "open it."
                    )
                )
            header = cls(
                vault_id=str(data["vault_id"]),
                slots=data["slots"],
                mac=str(data["mac"]),
                version=int(data["version"]),
            )
            header._check_shape()
        except VaultDamaged:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise VaultDamaged(_(DAMAGED)) from None
        return header

    def _check_shape(self) -> None:
        passphrase = self.slots["passphrase"]
        keys.Argon2Params.from_dict(passphrase["argon2id"])
        for name in ("passphrase", "recovery"):
            keys.unb64(self.slots[name]["salt"])
            keys.unb64(self.slots[name]["wrapped"])
