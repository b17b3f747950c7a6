"""Settings a person or a clinic can change in a TOML file (the Safety page they feed
is `tui.core.safety`).

The file lives at `<user config dir>/reclaim/config.toml`, or wherever the command
line's config option or RECLAIM_CONFIG points. Everything in it is optional:

    idle_minutes = 10              # lock after this long without a key press
    clinic_name = "Riverside Legal Clinic"   # named as the source of packages made here
    replace_contacts = false       # true: show only the contacts below
    discreet = true                # a plain name ("Notes") on the screen, in the
                                   # window's title and the list of programs, and
                                   # F12 covers the screen at once (also [app] discreet)

    [kiosk]
    idle_minutes = 3
    jurisdiction = "gb"            # where the clinic's clients usually live: a new case's
                                   # question starts on it, and Safety shows it before a
                                   # case is open (a code from checklists/jurisdictions/)
    cases_dir = "/srv/reclaim/cases"
    export_dir = "/media/clinic-usb"   # where binders and letters go unless the client
                                       # picks a place; unset: the client always picks
    import_dir = ["/media", "/run/media"]   # where Add evidence looks (the default)

    [[contacts]]
    name = "Our clinic's front desk"
    how = "Room 2, or call 555-0100"
    note = "Ask for the duty advocate."
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_path, user_data_path

from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _
from tui.core.shared.neutral_words import NEUTRAL_NAME as NEUTRAL_NAME  # they live there
from tui.core.shared.neutral_words import in_neutral_words as in_neutral_words
from tui.core.shared.neutral_words import neutral_words as neutral_words
from tui.core.vault.layout import DISCREET_MARK as DISCREET_MARK  # it lives there
from tui.core.vault.layout import made_discreet

CONFIG_ENV = "RECLAIM_CONFIG"


@dataclass(frozen=True)
class Contact:
    name: str
    how: str
    """Phone number, address or web site, as written."""
    note: str = ""


@dataclass(frozen=True)
class Settings:
    idle_minutes: float = 10
    kiosk_idle_minutes: float = 3
    kiosk_cases_dir: Path = field(
        default_factory=lambda: user_data_path("reclaim", appauthor=False) / "cases"
    )
    kiosk_export_dir: Path | None = None
    """Where a kiosk saves what a client makes, unless the client picks a place."""
    kiosk_import_dirs: tuple[Path, ...] = (Path("/media"), Path("/run/media"))
    """Where a kiosk's Add evidence browser looks: removable media by default."""
    clinic_contacts: tuple[Contact, ...] = ()
    replace_contacts: bool = False
    clinic_name: str = ""
    """Named as the Source-Organization of the packages made here; '' when unset."""

    kiosk_jurisdiction: str = ""
    """Where a kiosk's clients usually live (a code); '' when the clinic hasn't said."""
    kiosk_language: str = ""
    """`[kiosk] language`: the language each client's start is in ("es"); '' when the
    clinic hasn't said (then the command line's or the environment's)."""
    discreet: bool = False
    """`discreet` (or `[app] discreet`): a neutral name everywhere a glance could catch it
    (see `tui/discreet.py`)."""
    full_detail_pictures: bool = False
    """`[pictures] full_detail`: draw a shown picture at full detail where the terminal
    can (kitty, sixel); off by default (see `tui/widgets/full_picture.py`)."""


def is_discreet(settings: Settings, case_folder: Path) -> bool:
    """Discreet mode: asked for in the settings, chosen when this case was made (its
    mark), or the case is in the neutral folder that choice makes on a new install."""
    if settings.discreet:
        return True
    return made_discreet(case_folder)


def default_config_path() -> Path:
    return Path(
        os.environ.get(CONFIG_ENV) or user_config_path("reclaim", appauthor=False) / "config.toml"
    )


def read_toml_file(path: Path, what: str) -> dict[str, Any]:
    # Imported here to keep start-up fast: most starts have no file to read.
    import tomllib

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise InputError(
            _("The {what} {path} can't be read: {error}.").format(
                what=what, path=path, error=error
            )
        ) from None
    except OSError as error:
        raise InputError(
            _("The {what} {path} can't be opened ({reason}).").format(
                what=what, path=path, reason=error.strerror
            )
        ) from None


def read_contacts(raw: object, where: Path) -> tuple[Contact, ...]:
    if not isinstance(raw, list):
        raise InputError(
            _("In {where}, contacts must be a list of [[contacts]] tables.").format(where=where)
        )
    contacts = []
    for item in raw:
        if (
            not isinstance(item, dict)
            or not {"name", "how"} <= set(item)
            or set(item) - {"name", "how", "note"}
        ):
            raise InputError(
                _("In {where}, each contact needs a name and how (and may have a note).").format(
                    where=where
                )
            )
        contacts.append(Contact(str(item["name"]), str(item["how"]), str(item.get("note", ""))))
    return tuple(contacts)


def _minutes(raw: object, where: Path, default: float) -> float:
    if raw is None:
        return default
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not 0.05 <= raw <= 24 * 60:
        raise InputError(
            _("In {where}, idle_minutes must be a number of minutes, like 10.").format(where=where)
        )
    return float(raw)


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file; a missing default file simply means the defaults."""
    explicit = path is not None or bool(os.environ.get(CONFIG_ENV))
    path = path or default_config_path()
    if not path.exists():
        if explicit:
            raise InputError(_("There is no settings file at {path}.").format(path=path))
        return Settings()
    data = read_toml_file(path, _("settings file"))
    kiosk = data.get("kiosk", {})
    defaults = Settings()
    pictures = data.get("pictures", {})
    unknown = set(data) - {
        "idle_minutes", "replace_contacts", "kiosk", "contacts", "clinic_name", "pictures",
        "discreet", "app",
    }  # fmt: skip
    if not isinstance(pictures, dict) or set(pictures) - {"full_detail"}:
        raise InputError(
            _("{path} has settings Reclaim doesn't know in [pictures].").format(path=path)
        )
    if not isinstance(pictures.get("full_detail", False), bool):
        raise InputError(
            _("In {path}, [pictures] full_detail must be true or false.").format(path=path)
        )
    known_kiosk = {
        "idle_minutes", "cases_dir", "export_dir", "import_dir", "jurisdiction", "language",
    }  # fmt: skip
    if unknown or not isinstance(kiosk, dict) or set(kiosk) - known_kiosk:
        if unknown:
            raise InputError(
                _("{path} has settings Reclaim doesn't know: {names}.").format(
                    path=path, names=", ".join(sorted(unknown))
                )
            )
        raise InputError(
            _("{path} has settings Reclaim doesn't know: in [kiosk].").format(path=path)
        )
    return Settings(
        idle_minutes=_minutes(data.get("idle_minutes"), path, defaults.idle_minutes),
        kiosk_idle_minutes=_minutes(kiosk.get("idle_minutes"), path, defaults.kiosk_idle_minutes),
        kiosk_cases_dir=_folder(kiosk.get("cases_dir"), path, "cases_dir")
        or kiosk_cases_default(_discreet(data, path)),
        kiosk_export_dir=_folder(kiosk.get("export_dir"), path, "export_dir"),
        kiosk_import_dirs=_folders(kiosk.get("import_dir"), path, defaults.kiosk_import_dirs),
        clinic_contacts=read_contacts(data.get("contacts", []), path),
        replace_contacts=bool(data.get("replace_contacts", False)),
        clinic_name=" ".join(str(data.get("clinic_name", "")).split()),
        kiosk_jurisdiction=_place(kiosk.get("jurisdiction"), path),
        kiosk_language=_language(kiosk.get("language"), path),
        full_detail_pictures=pictures.get("full_detail", False),
        discreet=_discreet(data, path),
    )


def kiosk_cases_default(discreet: bool) -> Path:
    """A kiosk's cases folder when the settings name none. In discreet mode a neutral one
    (`notes/notebooks` in the user data folder), unless the usual one already holds
    clients' cases: they stay where they are, and are found there (see the README)."""
    usual = user_data_path("reclaim", appauthor=False) / "cases"
    if not discreet or _holds_cases(usual):
        return usual
    return user_data_path("notes", appauthor=False) / "notebooks"


def _holds_cases(folder: Path) -> bool:
    from tui.core.vault.layout import is_vault

    try:
        return any(is_vault(child) for child in folder.iterdir())
    except OSError:  # not there (or not readable): nothing to find in it
        return False


def _discreet(data: dict[str, Any], where: Path) -> bool:
    """`discreet = true` at the top, or under `[app]`: either turns discreet mode on."""
    app = data.get("app", {})
    if not isinstance(app, dict) or set(app) - {"discreet"}:
        raise InputError(
            _("{where} has settings Reclaim doesn't know in [app].").format(where=where)
        )
    values = [data.get("discreet", False), app.get("discreet", False)]
    if not all(isinstance(value, bool) for value in values):
        raise InputError(_("In {where}, discreet must be true or false.").format(where=where))
    return any(values)


def _language(raw: object, where: Path) -> str:
    """The kiosk's start language: a code Reclaim speaks ("en", "es", "fr")."""
    from tui.core.shared.i18n import LANGUAGES, _, language_tag

    if raw is None:
        return ""
    code = language_tag(str(raw))  # "es_MX" and "es-MX" as --language reads them
    if code not in LANGUAGES:
        spoken = ", ".join(LANGUAGES)
        raise InputError(
            _("In {where}, [kiosk] language must be one of {spoken}.").format(
                where=where, spoken=spoken
            )
        )
    return code


def _place(raw: object, where: Path) -> str:
    """The clinic's default place, checked like a code a person types."""
    if raw is None:
        return ""
    # Imported here: only a clinic that names its place needs the catalogue of places,
    # so reading the settings at start-up stays quick.
    from tui.core.places.catalogue import check_code

    if not isinstance(raw, str):
        raise InputError(
            _('In {where}, jurisdiction must be a code, like "gb".').format(where=where)
        )
    try:
        return check_code(raw)
    except InputError as error:
        raise InputError(f"In {where}: {error}") from None


def _folder(raw: object, where: Path, name: str) -> Path | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip():
        raise InputError(
            _('In {where}, {name} must be a folder, like "/media/clinic-usb".').format(
                where=where, name=name
            )
        )
    folder = Path(raw).expanduser()
    if not folder.is_absolute():  # relative to what? where the kiosk happened to start
        like = "/srv/reclaim/cases" if name == "cases_dir" else "/media/clinic-usb"
        raise InputError(
            _('In {where}, {name} must be a full path, like "{like}".').format(
                where=where, name=name, like=like
            )
        )
    return folder


def _folders(raw: object, where: Path, default: tuple[Path, ...]) -> tuple[Path, ...]:
    if raw is None:
        return default
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not items:
        raise InputError(
            _("In {where}, import_dir must be a folder or a list of folders.").format(where=where)
        )
    return tuple(folder for item in items if (folder := _folder(item, where, "import_dir")))


def check_kiosk(settings: Settings) -> None:
    """Refuse, in one sentence, kiosk folders that would open a door between clients:
    an export or import folder inside the cases folder or holding it, or a folder named
    in the settings that isn't there. Called when Reclaim starts as a kiosk."""
    real = _real(settings.kiosk_cases_dir)
    cases = settings.kiosk_cases_dir
    export = settings.kiosk_export_dir
    if export is not None:
        if _overlap(_real(export), real):
            raise InputError(
                _(
                    "In the settings, [kiosk] export_dir {export} must be apart from the "
                    "kiosk's cases folder {cases}, neither inside it nor holding it."
                ).format(export=export, cases=cases)
            )
        if not export.is_dir():
            raise InputError(
                _(
                    "In the settings, [kiosk] export_dir {export} is not a folder on this "
                    "computer: make it, or change the setting."
                ).format(export=export)
            )
    named = settings.kiosk_import_dirs != Settings().kiosk_import_dirs
    for folder in settings.kiosk_import_dirs:
        if _overlap(_real(folder), real):
            raise InputError(
                _(
                    "In the settings, [kiosk] import_dir {folder} would let clients reach the "
                    "kiosk's cases folder {cases}: choose folders apart from it."
                ).format(folder=folder, cases=cases)
            )
        if named and not folder.is_dir():
            raise InputError(
                _(
                    "In the settings, [kiosk] import_dir {folder} is not a folder on this "
                    "computer: make it, or change the setting."
                ).format(folder=folder)
            )


def _real(folder: Path) -> Path:
    return Path(os.path.realpath(folder))


def _overlap(one: Path, other: Path) -> bool:
    return one.is_relative_to(other) or other.is_relative_to(one)
