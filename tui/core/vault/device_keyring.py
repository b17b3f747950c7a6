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

#: The keyring entry's service name. A keyring can be browsed by anyone at the unlocked
#: computer (Seahorse, Keychain Access), so it says nothing of what it is for, as in
#: discreet mode. Keys remembered before it was neutral sit under `OLD_SERVICE`; they are
#: moved on the next unlock.
SERVICE = "notes"
OLD_SERVICE = "reclaim"
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

        name = _username(vault_id)
        stored = keyring.get_password(SERVICE, name)
        if not stored and (stored := keyring.get_password(OLD_SERVICE, name)):
            keyring.set_password(SERVICE, name, stored)
            _delete(OLD_SERVICE, name)
        return base64.b64decode(stored) if stored else None
    except Exception:
        return None


def _delete(service: str, name: str) -> None:
    import keyring
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):
        keyring.delete_password(service, name)


def forget(vault_id: str) -> None:
    """Remove the remembered key, if there is one."""
    if not available():
        return
    try:
        for service in (SERVICE, OLD_SERVICE):
            _delete(service, _username(vault_id))
    except Exception:
        return
