"""Where each exhibit came from, through `reclaim evidence add`, `evidence provenance`,
`evidence show --json`, the custody log and the binder."""

import json
import re
import socket
import subprocess
from pathlib import Path
from typing import Any

from PIL import Image

from tests.support.pictures import make_png
from tui import __version__


def shown(cli, exhibit_id: str) -> dict[str, Any]:
    result = cli("evidence", "show", exhibit_id, "--json")
    assert result.returncode == 0, result.stderr
    record: dict[str, Any] = json.loads(result.stdout)
    return record


def phone_photo(path: Path) -> Path:
    """A JPEG whose EXIF says it came from an iPhone running iOS 17.1."""
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 13"
    exif[0x0131] = "17.1"
    Image.new("RGB", (32, 24), "navy").save(path, "JPEG", exif=exif.tobytes())
    return path


def test_add_remembers_provenance_for_every_file_of_the_batch(cli, tmp_path: Path):
    result = cli(
        "evidence", "add",
        str(make_png(tmp_path / "a.png")), str(make_png(tmp_path / "b.png", color="red")),
        "--captured-by", "Sam Reyes", "--role", "helper", "--how", "screenshot",
        "--app", "Instagram", "--clock", "device", "--added-by", "Jo Clinic",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for exhibit_id in ("E-0001", "E-0002"):
        record = shown(cli, exhibit_id)
        assert record["provenance"] == {
            "captured_by": "Sam Reyes",
            "role": "helper",
            "how": "screenshot",
            "app": "Instagram",
            "clock": "device",
        }
        assert record["provenance_guesses"] == {}
    log = json.loads(cli("log", "--json").stdout)
    intakes = [entry for entry in log if entry["action"] == "intake"]
    assert len(intakes) == 2
    for entry in intakes:
        assert entry["details"]["taken_in_by"] == "Jo Clinic"
        assert entry["details"]["reclaim_version"] == __version__
        assert entry["details"]["computer"] == socket.gethostname()
    words = cli("evidence", "show", "E-0002").stdout
    assert re.search(r"\nCaptured by: +Sam Reyes\n", words) and "a screenshot" in words
    assert "provenance" not in words, "provenance is said in words, not as a mapping"


def test_received_asks_from_whom_before_anything_is_added(cli, tmp_path: Path):
    result = cli("evidence", "add", str(make_png(tmp_path / "a.png")), "--how", "received")
    assert result.returncode == 1
    assert "Who sent it to you?" in result.stderr and "--from" in result.stderr
    assert json.loads(cli("evidence", "list", "--json").stdout) == []
    bad = cli("evidence", "add", str(make_png(tmp_path / "a.png")), "--role", "cousin")
    assert bad.returncode == 1 and "self, helper, clinic" in bad.stderr


def test_the_device_is_read_from_the_photo_as_a_guess_until_confirmed(cli, tmp_path: Path):
    assert cli("evidence", "add", str(phone_photo(tmp_path / "p.jpg"))).returncode == 0
    record = shown(cli, "E-0001")
    assert record["provenance"] == {"device": "Apple iPhone 13", "system": "17.1"}
    assert record["provenance_guesses"] == {"device": "exif", "system": "exif"}
    words = cli("evidence", "provenance", "E-0001").stdout
    assert "Apple iPhone 13 (read from the file, not yet confirmed)" in words
    done = cli("evidence", "provenance", "E-0001", "--confirm-guesses")
    assert done.returncode == 0, done.stderr
    assert shown(cli, "E-0001")["provenance_guesses"] == {}
    assert "not yet confirmed" not in done.stdout


def test_what_the_person_says_of_the_device_wins_over_the_file(cli, tmp_path: Path):
    photo = str(phone_photo(tmp_path / "p.jpg"))
    assert cli("evidence", "add", photo, "--device", "Sam's phone").returncode == 0
    record = shown(cli, "E-0001")
    assert record["provenance"]["device"] == "Sam's phone"
    assert record["provenance_guesses"] == {"system": "exif"}


def test_provenance_is_a_logged_edit(cli, tmp_path: Path):
    assert cli("evidence", "add", str(make_png(tmp_path / "a.png"))).returncode == 0
    assert "Nothing is said yet" in cli("evidence", "provenance", "E-0001").stdout
    result = cli(
        "evidence", "provenance", "1", "--captured-by", "Alex", "--role", "self",
        "--how", "received", "--from", "a friend, Dana",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    again = cli("evidence", "provenance", "E-0001", "--captured-by", "Alex Moreno")
    assert again.returncode == 0, again.stderr
    record = shown(cli, "E-0001")
    assert record["provenance"] == {
        "captured_by": "Alex Moreno",
        "role": "self",
        "how": "received",
        "from_whom": "a friend, Dana",
    }
    log = json.loads(cli("log", "--json").stdout)
    edits = [entry["details"] for entry in log if entry["action"] == "provenance"]
    assert edits[-1]["changes"] == {"captured_by": {"from": "Alex", "to": "Alex Moreno"}}
    assert edits[0]["changes"]["how"] == {"from": "", "to": "received"}
    cleared = cli("evidence", "provenance", "E-0001", "--from", "")
    assert cleared.returncode == 1 and "Who sent it to you?" in cleared.stderr
    assert shown(cli, "E-0001")["provenance"]["from_whom"] == "a friend, Dana"


def test_the_binder_prints_provenance_on_the_page_and_in_the_index(cli, tmp_path: Path):
    result = cli(
        "evidence", "add", str(phone_photo(tmp_path / "p.jpg")),
        "--captured-by", "Sam Reyes", "--role", "helper", "--how", "photo-of-screen",
        "--app", "Camera",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    target = tmp_path / "binder.pdf"
    made = cli("binder", str(target), "--date", "2026-12-07")
    assert made.returncode == 0, made.stderr
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    index = flat[flat.index("Evidence index", flat.index("Evidence index") + 20) :]
    assert (
        "Provenance: a photo of a screen; by Sam Reyes (a helper); with Camera; "
        "on Apple iPhone 13; device read from the file, not yet confirmed"
    ) in index
    page = flat[flat.index("Exhibit E-0001", flat.index("Evidence index") + 20) :]
    assert "Captured by Sam Reyes" in page and "Their role a helper" in page
    assert "Apple iPhone 13 (read from the file, not yet confirmed)" in page
    assert socket.gethostname() not in flat.replace("Sam Reyes", ""), "no computer name"


def test_the_device_is_read_from_a_recordings_own_tags(cli, tmp_path: Path):
    from tests.support.media import sound

    memo = tmp_path / "memo.mov"
    memo.write_bytes(
        sound(
            fmt="mov",
            metadata={
                "com.apple.quicktime.make": "Apple",
                "com.apple.quicktime.model": "iPhone 15",
                "com.apple.quicktime.software": "17.2",
            },
            options={"movflags": "use_metadata_tags"},
        )
    )
    assert cli("evidence", "add", str(memo), "--how", "screen-recording").returncode == 0
    record = shown(cli, "E-0001")
    assert record["provenance"] == {
        "how": "screen-recording",
        "device": "Apple iPhone 15",
        "system": "17.2",
    }
    assert record["provenance_guesses"] == {"device": "recording", "system": "recording"}


def test_provenance_changes_are_in_the_exhibits_history(cli, tmp_path: Path):
    assert cli("evidence", "add", str(make_png(tmp_path / "a.png"))).returncode == 0
    assert cli("evidence", "provenance", "E-0001", "--captured-by", "Alex").returncode == 0
    assert cli("evidence", "provenance", "E-0001", "--captured-by", "Alex Moreno").returncode == 0
    result = cli("evidence", "history", "E-0001")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith('Captured by: "Alex" to "Alex Moreno".')
    assert lines[1].endswith('Captured by: (empty) to "Alex".')


def test_a_provenance_change_is_put_back_as_a_logged_edit(vault, tmp_path: Path):
    from tui.core.evidence.adding import add_file
    from tui.core.evidence.history import history, put_back
    from tui.core.evidence.provenance import update_provenance

    add_file(vault, make_png(tmp_path / "a.png"))
    update_provenance(vault, "E-0001", {"app": "Instagram"})
    update_provenance(vault, "E-0001", {"app": "Threads"})
    newest = history(vault, "E-0001")[0]
    assert (newest.field, newest.old, newest.new) == ("app", "Instagram", "Threads")
    assert put_back(vault, "E-0001", newest).provenance == {"app": "Instagram"}
