"""Settings a person or a clinic can change in a TOML file, and the safety content.

The file lives at `<user config dir>/reclaim/config.toml`, or wherever `--config` or
RECLAIM_CONFIG points. Everything in it is optional:

    idle_minutes = 10              # lock after this long without a key press
    replace_contacts = false       # true: show only the contacts below

    [kiosk]
    idle_minutes = 3
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
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_path, user_data_path

from tui.core.errors import InputError
from tui.core.paths import checklists_dir

CONFIG_ENV = "RECLAIM_CONFIG"


@dataclass(frozen=True)
class Contact:
    name: str
    how: str
    """Phone number, address or web site, as written."""
    note: str = ""


@dataclass(frozen=True)
class Safety:
    title: str
    intro: str
    steps: tuple[str, ...]
    contacts: tuple[Contact, ...]


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

    def safety(self) -> Safety:
        base = load_safety()
        contacts = (
            self.clinic_contacts
            if self.replace_contacts
            else (self.clinic_contacts + base.contacts)
        )
        return Safety(base.title, base.intro, base.steps, contacts)


def default_config_path() -> Path:
    return Path(
        os.environ.get(CONFIG_ENV) or user_config_path("reclaim", appauthor=False) / "config.toml"
    )


def _read_toml(path: Path, what: str) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"The {what} {path} can't be read: {error}.") from None
    except OSError as error:
        raise InputError(f"The {what} {path} can't be opened ({error.strerror}).") from None


def _contacts(raw: object, where: Path) -> tuple[Contact, ...]:
    if not isinstance(raw, list):
        raise InputError(f"In {where}, contacts must be a list of [[contacts]] tables.")
    contacts = []
    for item in raw:
        if (
            not isinstance(item, dict)
            or not {"name", "how"} <= set(item)
            or set(item) - {"name", "how", "note"}
        ):
            raise InputError(
                f"In {where}, each contact needs a name and how (and may have a note)."
            )
        contacts.append(Contact(str(item["name"]), str(item["how"]), str(item.get("note", ""))))
    return tuple(contacts)


def _minutes(raw: object, where: Path, default: float) -> float:
    if raw is None:
        return default
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not 0.05 <= raw <= 24 * 60:
        raise InputError(f"In {where}, idle_minutes must be a number of minutes, like 10.")
    return float(raw)


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file; a missing default file simply means the defaults."""
    explicit = path is not None or bool(os.environ.get(CONFIG_ENV))
    path = path or default_config_path()
    if not path.exists():
        if explicit:
            raise InputError(f"There is no settings file at {path}.")
        return Settings()
    data = _read_toml(path, "settings file")
    kiosk = data.get("kiosk", {})
    defaults = Settings()
    unknown = set(data) - {"idle_minutes", "replace_contacts", "kiosk", "contacts"}
    known_kiosk = {"idle_minutes", "cases_dir", "export_dir", "import_dir"}
    if unknown or not isinstance(kiosk, dict) or set(kiosk) - known_kiosk:
        names = ", ".join(sorted(unknown)) or "in [kiosk]"
        raise InputError(f"{path} has settings Reclaim doesn't know: {names}.")
    return Settings(
        idle_minutes=_minutes(data.get("idle_minutes"), path, defaults.idle_minutes),
        kiosk_idle_minutes=_minutes(kiosk.get("idle_minutes"), path, defaults.kiosk_idle_minutes),
        kiosk_cases_dir=Path(kiosk["cases_dir"]).expanduser()
        if "cases_dir" in kiosk
        else defaults.kiosk_cases_dir,
        kiosk_export_dir=_folder(kiosk.get("export_dir"), path, "export_dir"),
        kiosk_import_dirs=_folders(kiosk.get("import_dir"), path, defaults.kiosk_import_dirs),
        clinic_contacts=_contacts(data.get("contacts", []), path),
        replace_contacts=bool(data.get("replace_contacts", False)),
    )


def _folder(raw: object, where: Path, name: str) -> Path | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip():
        raise InputError(f'In {where}, {name} must be a folder, like "/media/clinic-usb".')
    return Path(raw).expanduser()


def _folders(raw: object, where: Path, default: tuple[Path, ...]) -> tuple[Path, ...]:
    if raw is None:
        return default
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not items:
        raise InputError(f"In {where}, import_dir must be a folder or a list of folders.")
    return tuple(folder for item in items if (folder := _folder(item, where, "import_dir")))


def load_safety() -> Safety:
    path = checklists_dir() / "safety.toml"
    data = _read_toml(path, "safety content")
    return Safety(
        title=str(data["title"]),
        intro=" ".join(str(data["intro"]).split()),
        steps=tuple(str(step) for step in data["steps"]),
        contacts=_contacts(data["contacts"], path),
    )
