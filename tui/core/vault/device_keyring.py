"""'Remember on this device': the data key kept in the OS keyring, only where a real
keyring exists and only when the person asks. Over SSH, on a kiosk or on a headless
machine there is none; then the option is simply not offered and nothing fails.

`keyring` is imported only when one of these is called: importing it takes about 0.4 s
(start-up speed), and on a broken setup the import itself may fail, which counts here as
"no keyring".
"""

from __future__ import annotations

import base64
import contextlib
import os

SERVICE = "reclaim"
DISABLE_ENV = "RECLAIM_NO_KEYRING"


def _username(vault_id: str) -> str:
    return f"vault-{vault_id}"


def available() -> bool:
    """True when a keyring that really stores secrets is usable here."""
    if os.environ.get(DISABLE_ENV):
        return False
    try:
        import keyring  # here, not above: see the module's docstring
        from keyring.backends import chainer, fail, null

        backend = keyring.get_keyring()
        if isinstance(backend, chainer.ChainerBackend):
            return bool(backend.backends)
        return not isinstance(backend, fail.Keyring | null.Keyring)
    except Exception:  # a broken keyring setup means "not available", never a crash
        return False


def remember(vault_id: str, data_key: bytes) -> bool:
    """Store the key; False (and nothing stored) when no keyring can take it."""
    if not available():
        return False
    try:
        import keyring

        keyring.set_password(SERVICE, _username(vault_id), base64.b64encode(data_key).decode())
    except Exception:
        return False
    return True


def recall(vault_id: str) -> bytes | None:
    """The remembered key, or None when there is none (or no keyring)."""
    if not available():
        return None
    try:
        import keyring

        stored = keyring.get_password(SERVICE, _username(vault_id))
        return base64.b64decode(stored) if stored else None
    except Exception:
        return None


def forget(vault_id: str) -> None:
    """Remove the remembered key, if there is one."""
    if not available():
        return
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):
            keyring.delete_password(SERVICE, _username(vault_id))
    except Exception:
        return
