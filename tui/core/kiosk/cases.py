"""A clinic kiosk keeps each client's case in its own folder under one cases folder.
Folders are named by a random case number, never by a name, and no screen lists them:
a client opens theirs by typing its number.

Nothing tells whether a number has a case before its passphrase is tried: a number with
no case asks for the passphrase like any other, and the answer comes in the same words
after the same Argon2id work (a stand-in header), so numbers can't be found for free.
Failures slow down further tries, at that number and at the whole kiosk, and
no success clears the kiosk's count (see throttle.py)."""

from __future__ import annotations

import secrets
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tui.core.shared.atomic import make_private_dir
from tui.core.shared.errors import InputError, WrongPassphrase
from tui.core.shared.i18n import N_, _
from tui.core.vault.layout import is_vault

if TYPE_CHECKING:
    from tui.core.kiosk.throttle import UnlockThrottle
    from tui.core.vault import keys
    from tui.core.vault.vault import Vault

DIGITS = 6
#: A kiosk can't tell a wrong number from a wrong secret, so it names both.
WRONG_PASSPHRASE = N_(
    "That case number and passphrase do not open a case. Check both and try again "
    "(or use your recovery code)."
)
WRONG_RECOVERY_CODE = N_(
    "That case number and recovery code do not open a case. Check both against your written copy."
)


def new_case_dir(cases_dir: Path) -> tuple[Path, str]:
    """A fresh, unused folder for a new case, and the number that names it. A new
    kiosk's guess counts are sealed before its first case, so they are never missing."""
    from tui.core.kiosk.throttle import UnlockThrottle

    make_private_dir(cases_dir)
    UnlockThrottle(folder=cases_dir).remaining()
    while True:
        number = f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"
        path = cases_dir / number
        if not path.exists():
            return path, number


def find_case_dir(cases_dir: Path, typed: str) -> Path:
    """The folder a typed case number names, whether or not a case is there: saying so
    here would let anyone find numbers without knowing any passphrase."""
    number = "".join(ch for ch in typed if not ch.isspace())
    if len(number) != DIGITS or not number.isdigit():
        raise InputError(_("A case number has {count} digits, like 482913.").format(count=DIGITS))
    return cases_dir / number


@cache
def stand_in_params() -> keys.Argon2Params:
    """The cost of answering a number with no case: what a new case on this computer
    gets (`keys.calibrate`), so it costs what a real case's wrong passphrase costs. The
    bare DEFAULT_ARGON2 would be quicker than a calibrated case (3 passes, not about
    half a second's worth) and so tell the two apart. Measured once per process."""
    from tui.core.vault import keys

    return keys.calibrate()


def open_case(
    path: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    throttle: UnlockThrottle,
) -> Vault:
    """Open the kiosk case at `path` with its passphrase or recovery code. A folder with
    no case fails exactly like a wrong passphrase; every failure counts in `throttle`,
    and while its wait is on nothing is tried (TooManyTries)."""
    from tui.core.vault import header
    from tui.core.vault.vault import Vault

    case = path.name  # the number: its own count, besides the kiosk's
    throttle.check(case)
    try:
        if not is_vault(path):
            _stand_in_unlock(passphrase, recovery_code)
        vault = Vault.open(path, passphrase=passphrase, recovery_code=recovery_code)
    except WrongPassphrase as error:
        throttle.failed(case)
        kiosk_words = {
            _(header.WRONG_PASSPHRASE): _(WRONG_PASSPHRASE),
            _(header.WRONG_RECOVERY_CODE): _(WRONG_RECOVERY_CODE),
        }
        raise WrongPassphrase(kiosk_words.get(str(error), str(error))) from None
    throttle.succeeded(case)
    return vault


def _stand_in_unlock(passphrase: str | None, recovery_code: str | None) -> NoReturn:
    from tui.core.vault.header import Header

    header = Header.stand_in(stand_in_params())
    if passphrase is not None:
        header.unwrap_with_passphrase(passphrase)
    else:
        header.unwrap_with_recovery_code(recovery_code or "")
    raise AssertionError("a stand-in header opened")  # no secret opens random bytes
