"""Key derivation and wrapping. All primitives come from argon2-cffi and cryptography;
this module only chooses parameters and labels.

One random 256-bit data key encrypts the case. It is never stored as it is: it is
wrapped (AES-256-GCM) under a key derived from the passphrase with Argon2id, and under a
key derived from the recovery code. Sub-keys for the record, the blobs and the header's
MAC are derived from the data key with HKDF, one label each.
"""

from __future__ import annotations

import base64
import secrets
import time
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12

#: The most passes `calibrate` ever picks (reached only where 12 take under half a second).
MAX_CALIBRATED_PASSES = 12

#: Argon2id bounds accepted when reading a header, checked before the KDF runs, so a
#: damaged or hostile header can't make unlocking spend minutes or gigabytes (the old
#: bounds, 4 GiB x 64 passes, took 13 minutes here). This version writes at most
#: 64 MiB (DEFAULT_ARGON2; `calibrate` never changes memory or lanes), 4 lanes and
#: MAX_CALIBRATED_PASSES passes, so each bound leaves a 4x margin for a future version
#: or another machine's calibration: 256 MiB, 48 passes, 8 lanes. Memory times passes
#: is bounded too, at 4x the costliest header this version writes (64 MiB x 12), so
#: the worst accepted header costs about four of the slowest real unlocks (2.6 s here).
MAX_MEMORY_KIB = 4 * 64 * 1024
MAX_TIME_COST = 4 * MAX_CALIBRATED_PASSES
MAX_PARALLELISM = 8
MAX_WORK_KIB_PASSES = 4 * 64 * 1024 * MAX_CALIBRATED_PASSES


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost settings, stored in the vault's header."""

    time_cost: int
    """Number of passes over memory."""
    memory_kib: int
    """Memory used, in KiB (65536 = 64 MiB, the least a new vault gets)."""
    parallelism: int
    """Lanes; 4 as RFC 9106 recommends."""

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object) -> Argon2Params:
        if not isinstance(data, dict):
            raise ValueError("argon2 parameters must be an object")  # i18n: not shown
        params = cls(
            time_cost=_bounded_int(data.get("time_cost"), 1, MAX_TIME_COST),
            memory_kib=_bounded_int(data.get("memory_kib"), 8, MAX_MEMORY_KIB),
            parallelism=_bounded_int(data.get("parallelism"), 1, MAX_PARALLELISM),
        )
        if params.memory_kib < 8 * params.parallelism:
            raise ValueError("argon2 memory too small for its parallelism")  # i18n: not shown
        if params.memory_kib * params.time_cost > MAX_WORK_KIB_PASSES:
            raise ValueError(
                "argon2 parameters cost more than this version ever writes"  # i18n: not shown
            )
        return params


def _bounded_int(value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValueError("parameter out of range")  # i18n: not shown
    return value


#: What a new vault starts from: RFC 9106's second recommended option (64 MiB, 4 lanes);
#: `calibrate` then raises the passes until one unlock takes about half a second.
DEFAULT_ARGON2 = Argon2Params(time_cost=3, memory_kib=64 * 1024, parallelism=4)
TARGET_SECONDS = 0.5


def derive_from_passphrase(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    return bytes(
        hash_secret_raw(
            secret=passphrase.encode("utf-8"),
            salt=salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )
    )


def calibrate(base: Argon2Params = DEFAULT_ARGON2, target: float = TARGET_SECONDS) -> Argon2Params:
    """Pick the number of passes that makes one derivation take about `target` seconds
    on this machine, never fewer than `base` asks for."""
    probe = Argon2Params(1, base.memory_kib, base.parallelism)
    started = time.perf_counter()
    derive_from_passphrase("calibration", secrets.token_bytes(16), probe)
    one_pass = max(time.perf_counter() - started, 1e-3)
    passes = round(target / one_pass)
    return Argon2Params(
        time_cost=min(max(passes, base.time_cost), MAX_CALIBRATED_PASSES),
        memory_kib=base.memory_kib,
        parallelism=base.parallelism,
    )


def subkey(data_key: bytes, label: str) -> bytes:
    """An independent key for one purpose (record, blobs, header MAC...)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=label.encode())
    return hkdf.derive(data_key)


def derive_from_recovery_code(code: bytes, salt: bytes) -> bytes:
    """The recovery code already carries 120 random bits, so a fast KDF is enough."""
    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"reclaim recovery slot"
    )
    return hkdf.derive(code)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """AES-256-GCM with a random nonce; the nonce travels in front of the ciphertext."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    """Inverse of `seal`; raises `InvalidTag` if anything was changed or the key is wrong."""
    if len(sealed) < NONCE_BYTES + 16:
        raise InvalidTag()
    return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


# Recovery codes: 24 characters of Crockford base32 (120 bits), shown in groups of four.
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CROCKFORD_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})
RECOVERY_CHARS = 24


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(_CROCKFORD) for _ in range(RECOVERY_CHARS))
    return "-".join(raw[i : i + 4] for i in range(0, RECOVERY_CHARS, 4))


def normalize_recovery_code(text: str) -> bytes | None:
    """Accept the code however it was copied down (case, spaces, dashes, O for 0...).
    Returns None when it can't be a recovery code at all."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_CROCKFORD_ALIASES)
    if len(cleaned) != RECOVERY_CHARS or any(ch not in _CROCKFORD for ch in cleaned):
        return None
    return cleaned.encode("ascii")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")  # i18n: not shown
    return base64.b64decode(text.encode("ascii"), validate=True)
