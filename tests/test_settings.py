"""Settings a clinic can change, and the shipped safety content."""

import tomllib
from pathlib import Path

import pytest

from tests.support.cli import run_reclaim
from tui.core.safety import load_safety, safety_page
from tui.core.settings import CONFIG_ENV, Contact, check_kiosk, load_settings
from tui.core.shared.errors import InputError
from tui.core.shared.paths import checklists_dir


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_no_settings_file_means_the_defaults(isolated_home: Path):
    settings = load_settings()
    assert (settings.idle_minutes, settings.kiosk_idle_minutes) == (10, 3)
    assert settings.kiosk_cases_dir == isolated_home / "data" / "reclaim" / "cases"


def test_a_clinic_sets_idle_times_cases_folder_and_contacts(tmp_path: Path):
    path = write(
        tmp_path,
        """
        idle_minutes = 5
        [kiosk]
        idle_minutes = 1.5
        cases_dir = "/srv/reclaim/cases"
        [[contacts]]
        name = "Riverside Legal Clinic"
        how = "555-0100"
        """,
    )
    settings = load_settings(path)
    assert (settings.idle_minutes, settings.kiosk_idle_minutes) == (5, 1.5)
    assert settings.kiosk_cases_dir == Path("/srv/reclaim/cases")
    contacts = safety_page(settings).contacts
    assert contacts[0] == Contact("Riverside Legal Clinic", "555-0100")
    assert len(contacts) > 1, "the shipped contacts follow the clinic's own"


def test_a_clinic_can_replace_the_contacts(tmp_path: Path):
    path = write(
        tmp_path, 'replace_contacts = true\n[[contacts]]\nname = "Desk"\nhow = "Room 2"\n'
    )
    assert [c.name for c in safety_page(load_settings(path)).contacts] == ["Desk"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("idle_minutes = ", "can't be read"),
        ("idle_minutes = -1", "number of minutes"),
        ("idle_minutes = 'ten'", "number of minutes"),
        ("colour = 'blue'", "doesn't know: colour"),
        ("[kiosk]\nsize = 3", "doesn't know"),
        ("[[contacts]]\nname = 'no way to reach'", "needs a name and how"),
    ],
)
def test_a_bad_settings_file_gets_a_plain_sentence(tmp_path: Path, text: str, message: str):
    with pytest.raises(InputError, match=message):
        load_settings(write(tmp_path, text))


def test_a_named_settings_file_must_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(InputError, match="no settings file"):
        load_settings(tmp_path / "missing.toml")
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "missing.toml"))
    with pytest.raises(InputError, match="no settings file"):
        load_settings()


def test_the_app_refuses_a_bad_settings_file_plainly(tmp_path: Path):
    result = run_reclaim("--config", str(write(tmp_path, "idle_minutes = [")))
    assert result.returncode == 1
    assert result.stderr.startswith("reclaim: The settings file")


def test_the_shipped_safety_content_is_complete():
    path = checklists_dir() / "safety.toml"
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    assert set(raw) == {"id", "title", "reviewed", "source", "intro", "steps", "contacts"}
    safety = load_safety()
    assert "emergency" in " ".join(safety.steps).lower()
    assert safety.contacts and all(c.name and c.how for c in safety.contacts)


# ---- a kiosk's folders (issue 26 item 2) ---------------------------------------------


def kiosk_file(tmp_path: Path, **folders: str | list[str]) -> Path:
    lines = ["[kiosk]"]
    for name, value in folders.items():
        shown = (
            "[" + ", ".join(f'"{v}"' for v in value) + "]"
            if isinstance(value, list)
            else f'"{value}"'
        )
        lines.append(f"{name} = {shown}")
    return write(tmp_path, "\n".join(lines) + "\n")


@pytest.mark.parametrize("name", ["cases_dir", "export_dir", "import_dir"])
def test_a_kiosk_folder_must_be_a_full_path(tmp_path: Path, name: str):
    with pytest.raises(InputError, match=f"{name} must be a full path"):
        load_settings(kiosk_file(tmp_path, **{name: "usb/outbox"}))


@pytest.mark.parametrize(
    ("folders", "message"),
    [
        ({"export_dir": "{cases}/outbox"}, "export_dir .* must be apart from the kiosk's cases"),
        ({"export_dir": "{root}"}, "export_dir .* must be apart from the kiosk's cases"),
        ({"import_dir": "{cases}"}, "import_dir .* would let clients reach"),
        ({"import_dir": ["{media}", "{root}"]}, "import_dir .* would let clients reach"),
        ({"import_dir": "{cases}/../cases/111111"}, "import_dir .* would let clients reach"),
        ({"export_dir": "{root}/no-such-outbox"}, "export_dir .* is not a folder"),
        ({"import_dir": "{root}/no-such-media"}, "import_dir .* is not a folder"),
    ],
)
def test_a_kiosk_refuses_folders_that_open_a_door_between_clients(
    tmp_path: Path, folders: dict[str, str | list[str]], message: str
):
    root = tmp_path / "clinic"
    (root / "cases" / "outbox").mkdir(parents=True)
    (root / "media").mkdir()
    places = {"root": root, "cases": root / "cases", "media": root / "media"}
    filled = {
        name: [v.format(**places) for v in value]
        if isinstance(value, list)
        else value.format(**places)
        for name, value in folders.items()
    }
    config = kiosk_file(tmp_path, cases_dir=str(root / "cases"), **filled)
    settings = load_settings(config)
    with pytest.raises(InputError, match=message):
        check_kiosk(settings)
    result = run_reclaim("--config", str(config), "--kiosk")
    assert result.returncode == 1
    assert result.stderr.startswith("reclaim: In the settings, [kiosk]")
    assert len(result.stderr.strip().splitlines()) == 1, "one sentence, no traceback"


def test_sensible_kiosk_folders_pass(tmp_path: Path):
    for folder in ("cases", "outbox", "media"):
        (tmp_path / folder).mkdir()
    config = kiosk_file(
        tmp_path,
        cases_dir=str(tmp_path / "cases"),
        export_dir=str(tmp_path / "outbox"),
        import_dir=[str(tmp_path / "media")],
    )
    check_kiosk(load_settings(config))
    check_kiosk(load_settings(kiosk_file(tmp_path, cases_dir=str(tmp_path / "cases"))))
