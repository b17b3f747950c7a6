"""`reclaim evidence stitch / remove / delete / similar / edit --confirm-guesses`, through
the real entry point."""

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.cases import vault_bytes
from tests.support.cli import run_reclaim
from tests.support.pictures import make_png, picture
from tui.core.vault.vault import Vault


def add(cli, *paths: Path) -> None:
    result = cli("evidence", "add", *map(str, paths))
    assert result.returncode == 0, result.stderr


def shown(cli, exhibit_id: str) -> dict[str, Any]:
    result = cli("evidence", "show", exhibit_id, "--json")
    assert result.returncode == 0, result.stderr
    record: dict[str, Any] = json.loads(result.stdout)
    return record


@pytest.mark.parametrize("command", ["stitch", "remove", "delete", "similar", "history"])
def test_new_commands_have_help(command: str):
    result = run_reclaim("evidence", command, "--help")
    assert result.returncode == 0 and "usage:" in result.stdout


def test_stitch_prints_the_new_exhibit_and_keeps_the_originals(cli, tmp_path: Path):
    add(
        cli,
        make_png(tmp_path / "1.png", size=(50, 70)),
        make_png(tmp_path / "2.png", (50, 30), "red"),
    )
    result = cli("evidence", "stitch", "1", "E-0002", "--description", "the whole chat")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("E-0003  stitched-E-0001-to-E-0002.png  50x100  sha256:")
    assert "Made from E-0001, E-0002, which are kept as they were." in result.stdout
    tall = shown(cli, "E-0003")
    assert tall["derived_from"] == ["E-0001", "E-0002"] and tall["description"] == "the whole chat"
    log = json.loads(cli("log", "--json").stdout)
    assert log[-1]["action"] == "stitch"


def test_stitch_refuses_a_non_image_plainly(cli, vault: Vault, tmp_path: Path):
    (tmp_path / "chat.txt").write_text("text")
    add(cli, make_png(tmp_path / "1.png"), tmp_path / "chat.txt")
    before = vault_bytes(vault.path)
    result = cli("evidence", "stitch", "E-0001", "E-0002")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "reclaim: E-0002 is not an image (text/plain); "
        "only screenshots and photos can be stitched."
    )
    assert "Traceback" not in result.stderr
    assert vault_bytes(vault.path) == before


def test_remove_and_undo(cli, tmp_path: Path):
    add(cli, make_png(tmp_path / "1.png"))
    result = cli("evidence", "remove", "E-0001")
    assert result.stdout.strip() == (
        "E-0001 is left out of the binder. It stays in the case, untouched."
    )
    assert shown(cli, "E-0001")["excluded"] is True
    assert "(left out of the binder)" in cli("evidence", "list").stdout
    assert cli("evidence", "remove", "E-0001", "--undo").stdout.strip() == (
        "E-0001 is back in the binder."
    )
    assert shown(cli, "E-0001")["excluded"] is False


def test_delete_needs_the_number_again(cli, vault: Vault, tmp_path: Path):
    add(cli, make_png(tmp_path / "1.png"))
    before = vault_bytes(vault.path)
    asked = cli("evidence", "delete", "E-0001")
    assert asked.returncode == 1 and "add --confirm E-0001" in asked.stderr
    wrong = cli("evidence", "delete", "E-0001", "--confirm", "E-0002")
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == (
        "reclaim: To delete E-0001 for good, type E-0001 exactly; nothing was deleted."
    )
    assert vault_bytes(vault.path) == before
    done = cli("evidence", "delete", "1", "--confirm", "E-0001", "--reason", "wrong file")
    assert done.returncode == 0, done.stderr
    assert cli("evidence", "list").stdout.startswith("No evidence yet.")
    entry = json.loads(cli("log", "--json").stdout)[-1]
    assert entry["action"] == "delete" and entry["details"]["reason"] == "wrong file"


def test_similar_groups_the_same_picture(cli, tmp_path: Path):
    original = picture(tmp_path / "a.png", seed=3, size=(400, 700))
    from PIL import Image

    with Image.open(original) as image:
        image.resize((200, 350)).save(tmp_path / "b.jpg", quality=75)
    add(cli, original, picture(tmp_path / "c.png", seed=9, size=(400, 700)), tmp_path / "b.jpg")
    assert json.loads(cli("evidence", "similar", "--json").stdout) == [["E-0001", "E-0003"]]
    assert cli("evidence", "similar").stdout.strip() == "Same picture: E-0001, E-0003"
    assert shown(cli, "E-0001")["phash"]


def test_edit_confirms_guessed_times(cli, tmp_path: Path):
    add(cli, make_png(tmp_path / "Screenshot_20240305-211400.png"))
    assert shown(cli, "E-0001")["guesses"] == {"captured_at": "name"}
    result = cli("evidence", "edit", "E-0001", "--confirm-guesses")
    assert result.returncode == 0, result.stderr
    record = shown(cli, "E-0001")
    assert record["guesses"] == {} and record["captured_at"] == "2024-03-05T21:14:00"


def test_the_cli_takes_the_timelines_dates_and_asks_back_the_same_way(
    cli, vault: Vault, tmp_path: Path
) -> None:
    added = cli(
        "evidence", "add", str(make_png(tmp_path / "a.png")),
        "--posted-at", "5 March 2024", "--captured-at", "about March 2024",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    record = shown(cli, "E-0001")
    assert (record["posted_at"], record["captured_at"]) == ("2024-03-05", "2024-03~")
    ambiguous = cli("evidence", "edit", "E-0001", "--posted-at", "03/05/2024")
    assert ambiguous.returncode == 1
    assert 'Is "03/05/2024" 3 May or 5 March?' in ambiguous.stderr
    future = cli("evidence", "edit", "E-0001", "--captured-at", "2999")
    assert future.returncode == 1 and "is in the future" in future.stderr
    assert "--posted-at" in cli("evidence", "add", "--help").stdout


def test_confirm_guesses_leaves_a_time_read_from_the_files_own_time(
    cli, vault: Vault, tmp_path: Path
):
    """--confirm-guesses confirms the rest; a capture time that came only from when the
    file was last changed stays a guess (the binder says "(estimated)") until it is
    named on its own with --confirm-guess, and the output says so."""
    import os

    from tests.support.cases import PASSPHRASE
    from tui.core.binder.document import written_time
    from tui.core.evidence.model import get_exhibit

    notes = tmp_path / "notes.txt"
    notes.write_text("a chat")
    os.utime(notes, (1709300000, 1709300000))
    add(cli, notes)
    assert shown(cli, "E-0001")["guesses"] == {"captured_at": "file time"}
    result = cli("evidence", "edit", "E-0001", "--confirm-guesses")
    assert result.returncode == 0, result.stderr
    assert "captured_at is still a guess" in result.stdout
    assert "--confirm-guess captured_at" in result.stdout
    assert shown(cli, "E-0001")["guesses"] == {"captured_at": "file time"}
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        assert written_time(get_exhibit(case, "E-0001"), "captured_at").endswith("(estimated)")
    result = cli("evidence", "edit", "E-0001", "--confirm-guess", "captured_at")
    assert result.returncode == 0, result.stderr
    assert "still a guess" not in result.stdout
    assert shown(cli, "E-0001")["guesses"] == {}


def test_history_lists_each_change_from_what_to_what_newest_first(cli, tmp_path: Path):
    add(cli, make_png(tmp_path / "a.png"))
    for words in ("Direct messages threatening to share photos", "also"):
        assert cli("evidence", "edit", "E-0001", "--description", words).returncode == 0
    assert cli("evidence", "remove", "E-0001").returncode == 0
    result = cli("evidence", "history", "E-1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert lines[0].endswith("Left out of the binder.")
    assert lines[1].endswith(
        'What it shows: "Direct messages threatening to share photos" to "also".'
    )
    assert lines[2].endswith(
        'What it shows: (empty) to "Direct messages threatening to share photos".'
    )
    assert "Taken into the case (a.png)." in lines[3]
    steps = json.loads(cli("evidence", "history", "E-0001", "--json").stdout)
    assert [step["action"] for step in steps] == ["exclude", "change", "change", "intake"]
    assert steps[1]["old"] == "Direct messages threatening to share photos"
    assert steps[1]["new"] == "also"


def test_stopping_an_add_keeps_and_says_what_was_added_and_never_says_nothing_changed(
    cli, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Ctrl+C during the second file of an add: the first is in the case and was said to
    be; the command must not then claim that nothing was changed."""
    from tui.core.evidence import adding

    first = make_png(tmp_path / "first.png")
    second = make_png(tmp_path / "second.png", color="navy")
    real_stage = adding.stage_file
    staged: list[Path] = []

    def stage_then_stop(_vault: Vault, path: Path, *args: Any, **kwargs: Any) -> Any:
        if staged:
            raise KeyboardInterrupt
        staged.append(path)
        return real_stage(_vault, path, *args, **kwargs)

    monkeypatch.setattr(adding, "stage_file", stage_then_stop)
    result = cli("evidence", "add", str(first), str(second))
    assert result.returncode == 130
    assert "E-0001" in result.stdout and "first.png" in result.stdout
    assert "nothing was changed" not in result.stderr
    assert "What is said above as done is kept" in result.stderr
    listed = cli("evidence", "list", "--json")
    assert [item["original_name"] for item in json.loads(listed.stdout)] == ["first.png"]


def test_show_says_guesses_in_words_and_leaves_out_what_is_not_set(cli, tmp_path):
    from tests.support.pictures import make_png

    picture = make_png(tmp_path / "capture.png")
    assert cli("evidence", "add", str(picture)).returncode == 0
    shown = cli("evidence", "show", "E-0001").stdout
    assert "guesses:          captured at, from the time the file was last changed" in shown
    assert "{'captured_at'" not in shown and "excluded" not in shown
    spanish = cli("--language", "es", "evidence", "show", "E-0001").stdout
    assert "captured_at" not in spanish and "False" not in spanish
