"""The evidence step's core: guessed times, completeness, perceptual hashes, stitching,
remove and delete, adding many files with progress and cancel, previews."""

import io
import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat

from tests.evidence.test_exhibits import make_jpeg_with_exif
from tests.support.cases import PASSPHRASE, vault_bytes
from tests.support.pictures import make_png, picture
from tui.core.evidence.adding import add_file
from tui.core.evidence.changes import delete_exhibit, set_excluded, update_details
from tui.core.evidence.completeness import assess, hint
from tui.core.evidence.export import read_original
from tui.core.evidence.intake import add_many, expand, parse_paths
from tui.core.evidence.media import SAME_PICTURE_BITS, hash_distance, time_from_name
from tui.core.evidence.model import get_exhibit, list_exhibits
from tui.core.evidence.preview import fit, load_image
from tui.core.evidence.similar import similar_to
from tui.core.evidence.stitch import stitch
from tui.core.shared import clock
from tui.core.shared.errors import Cancelled, InputError
from tui.core.vault import custody
from tui.core.vault.vault import Vault


def log_actions(vault: Vault) -> list[str]:
    return [entry["action"] for entry in custody.entries(vault.table(custody.TABLE))]


# ---- guessed capture times ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Screenshot_20240305-211400.png", "2024-03-05T21:14:00"),
        ("Screenshot 2024-03-05 at 21.14.00.png", "2024-03-05T21:14:00"),
        ("IMG_20240305_211400.jpg", "2024-03-05T21:14:00"),
        ("WhatsApp Image 2024-03-05 at 21.14.00.jpeg", "2024-03-05T21:14:00"),
        ("Screenshot_2024-03-05-21-14-00-123_com.instagram.android.jpg", "2024-03-05T21:14:00"),
        ("photo.png", None),
        ("IMG_20241399_999999.png", None),
    ],
)
def test_capture_times_are_read_from_phone_file_names(name: str, expected: str | None):
    assert time_from_name(name) == expected


def test_the_capture_time_is_guessed_from_exif_then_name_then_file_time(
    vault: Vault, tmp_path: Path
):
    from_exif = add_file(vault, make_jpeg_with_exif(tmp_path / "photo.jpg")).exhibit
    assert from_exif.captured_at == "2024-03-05T21:14:09"
    assert from_exif.guesses == {"captured_at": "exif"}

    named = make_png(tmp_path / "Screenshot_20240305-211400.png", color="red")
    from_name = add_file(vault, named).exhibit
    assert (from_name.captured_at, from_name.guesses) == (
        "2024-03-05T21:14:00",
        {"captured_at": "name"},
    )

    plain = make_png(tmp_path / "plain.png", color="blue")
    moment = clock.stated(2024, 2, 1, 10, 30, 0).timestamp()  # local, as a file's time shows
    os.utime(plain, (moment, moment))
    from_time = add_file(vault, plain).exhibit
    assert from_time.captured_at == "2024-02-01T10:30:00"
    assert from_time.guesses == {"captured_at": "file time"}

    given = add_file(
        vault, make_png(tmp_path / "given.png", color="green"), {"captured_at": "2024-01-01"}
    ).exhibit
    assert (given.captured_at, given.guesses) == ("2024-01-01", {})


def test_a_guess_stays_marked_until_confirmed_or_changed(vault: Vault, tmp_path: Path):
    first = add_file(vault, make_png(tmp_path / "Screenshot_20240305-211400.png")).exhibit
    second = add_file(vault, make_png(tmp_path / "IMG_20240306_101010.png", color="red")).exhibit
    assert "captured_at" in assess(first).guessed
    assert "a guess from the file's name" in hint(first)

    same = update_details(vault, first.id, {"captured_at": "2024-03-05 21:14:00"})
    assert same.guesses == {"captured_at": "name"}, "saving the guess unchanged is no check"
    confirmed = update_details(vault, first.id, {}, confirm=["captured_at"])
    assert confirmed.guesses == {} and confirmed.captured_at == "2024-03-05T21:14:00"
    changed = update_details(vault, second.id, {"captured_at": "2024-03-06 09:00"})
    assert changed.guesses == {} and changed.captured_at == "2024-03-06T09:00"
    assert custody.entries(vault.table(custody.TABLE))[-2]["details"]["confirmed"] == [
        "captured_at"
    ]


def test_completeness_names_what_the_guide_asks_for(vault: Vault, tmp_path: Path):
    exhibit = add_file(vault, make_png(tmp_path / "a.png"), {"captured_at": "2024-03-05"}).exhibit
    found = assess(exhibit)
    assert found.missing == ("poster", "posted_at", "url", "caption")
    assert found.short == "1/5"
    assert hint(exhibit) == (
        "Still missing: who posted it, when it was posted, the web address and "
        "captions and comments."
    )
    full = update_details(
        vault,
        exhibit.id,
        {
            "poster": "alex_r",
            "posted_at": "2024-03-04",
            "url": "https://example.org/p/1",
            "caption": "look",
        },
    )
    assert assess(full).complete and assess(full).short == "5/5 ✓"


# ---- perceptual hashes --------------------------------------------------------------


def test_the_same_picture_resized_or_recompressed_is_found_but_others_are_not(
    vault: Vault, tmp_path: Path
):
    original = picture(tmp_path / "original.png", seed=3, size=(600, 1000))
    with Image.open(original) as image:
        image.resize((300, 500)).save(tmp_path / "small.jpg", quality=70)
    picture(tmp_path / "other.png", seed=7, size=(600, 1000))
    first = add_file(vault, original).exhibit
    repost = add_file(vault, tmp_path / "small.jpg").exhibit
    other = add_file(vault, tmp_path / "other.png").exhibit
    assert first.phash and repost.phash and other.phash
    assert len(first.phash) == 16
    assert hash_distance(first.phash, repost.phash) <= SAME_PICTURE_BITS
    assert hash_distance(first.phash, other.phash) > SAME_PICTURE_BITS
    exhibits = list_exhibits(vault)
    assert [e.id for e in similar_to(exhibits, first)] == [repost.id]
    assert similar_to(exhibits, other) == []


def test_screenshots_from_one_app_layout_are_not_taken_for_the_same_picture(
    vault: Vault, tmp_path: Path
):
    from tui.core.demo import SAMPLES, _picture

    for index, sample in enumerate(SAMPLES):
        _picture(list(sample["lines"]), tmp_path / f"{index}.png", hue=60 + 40 * index)
        add_file(vault, tmp_path / f"{index}.png")
    exhibits = list_exhibits(vault)
    assert all(similar_to(exhibits, exhibit) == [] for exhibit in exhibits)


def test_non_images_have_no_perceptual_hash(vault: Vault, tmp_path: Path):
    text = tmp_path / "chat.txt"
    text.write_text("a chat log")
    assert add_file(vault, text).exhibit.phash is None


# ---- stitching ----------------------------------------------------------------------


def test_stitching_makes_one_tall_linked_exhibit_and_keeps_the_originals(
    vault: Vault, tmp_path: Path
):
    top = add_file(
        vault,
        make_png(tmp_path / "1.png", size=(100, 200), color="red"),
        {"platform": "Instagram", "poster": "alex_r", "captured_at": "2024-03-05 21:20"},
    ).exhibit
    middle = add_file(
        vault,
        make_png(tmp_path / "2.png", size=(100, 150), color="green"),
        {"platform": "Instagram", "poster": "alex_r", "captured_at": "2024-03-05 21:14"},
    ).exhibit
    wider = add_file(
        vault,
        make_png(tmp_path / "3.png", size=(200, 100), color="blue"),
        {"platform": "Instagram", "poster": "someone else", "captured_at": "2024-03-05 21:30"},
    ).exhibit
    before = {e.id: e.sha256 for e in list_exhibits(vault)}

    result = stitch(vault, [top.id, middle.id, wider.id], "The whole chat")
    tall = result.exhibit
    assert not result.duplicate
    assert (tall.width, tall.height) == (100, 200 + 150 + 50), "the wider one is scaled down"
    assert tall.derived_from == [top.id, middle.id, wider.id]
    assert tall.media_type == "image/png" and tall.description == "The whole chat"
    assert tall.platform == "Instagram" and tall.poster == "", "only details all share carry over"
    assert tall.captured_at == "2024-03-05T21:14"
    with Image.open(io.BytesIO(read_original(vault, tall))) as image:
        assert image.getpixel((50, 10)) == (255, 0, 0)
        assert image.getpixel((50, 260)) == (0, 128, 0)
        assert image.getpixel((50, 380)) == (0, 0, 255)
    assert {e.id: e.sha256 for e in list_exhibits(vault) if e.id != tall.id} == before
    assert log_actions(vault)[-2:] == ["intake", "stitch"]
    assert stitch(vault, [top.id, middle.id, wider.id]).duplicate


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        (["E-0001"], "at least two"),
        (["E-0001", "E-0001"], "at least two"),
        (["E-0001", "E-0002", "E-0001"], "once"),
        (["E-0001", "E-0003"], "not an image"),
        (["E-0001", "E-0009"], "no exhibit E-0009"),
    ],
)
def test_stitching_refuses_what_it_cannot_do_and_adds_nothing(
    vault: Vault, tmp_path: Path, ids: list[str], message: str
):
    add_file(vault, make_png(tmp_path / "1.png"))
    add_file(vault, make_png(tmp_path / "2.png", color="red"))
    (tmp_path / "3.txt").write_text("text")
    add_file(vault, tmp_path / "3.txt")
    before = vault_bytes(vault.path)
    with pytest.raises(Exception, match=message):
        stitch(vault, ids)
    assert vault_bytes(vault.path) == before


# ---- remove and delete --------------------------------------------------------------


def test_remove_keeps_the_item_and_logs_both_ways(vault: Vault, tmp_path: Path):
    exhibit = add_file(vault, make_png(tmp_path / "a.png")).exhibit
    assert set_excluded(vault, exhibit.id, True).excluded
    assert (vault.blob_dir / f"{exhibit.blob}.blob").exists()
    assert not set_excluded(vault, exhibit.id, False).excluded
    assert log_actions(vault)[-2:] == ["exclude", "include"]


def test_delete_needs_the_number_typed_and_is_logged(vault: Vault, tmp_path: Path):
    exhibit = add_file(vault, make_png(tmp_path / "a.png")).exhibit
    before = vault_bytes(vault.path)
    for typed in ("", "1", "E-1", "E-0002", "yes"):
        with pytest.raises(InputError, match="type E-0001 exactly"):
            delete_exhibit(vault, exhibit.id, typed)
    assert vault_bytes(vault.path) == before

    delete_exhibit(vault, exhibit.id, " e-0001 ", reason="added by mistake")
    assert list_exhibits(vault) == []
    assert not (vault.blob_dir / f"{exhibit.blob}.blob").exists()
    entry = custody.entries(vault.table(custody.TABLE))[-1]
    assert entry["action"] == "delete" and entry["details"]["sha256"] == exhibit.sha256
    assert entry["details"]["reason"] == "added by mistake"
    assert custody.verify(vault.table(custody.TABLE)) == []
    again = add_file(vault, make_png(tmp_path / "a.png")).exhibit
    assert again.id == "E-0002", "a deleted number is never given out again"


# ---- adding many --------------------------------------------------------------------


def test_paths_can_be_pasted_quoted_escaped_or_as_file_addresses(tmp_path: Path):
    spaced = make_png(tmp_path / "Screen Shot 1.png")
    plain = make_png(tmp_path / "b.png")
    assert parse_paths(str(spaced)) == [spaced]
    assert parse_paths(f"'{spaced}' {plain}") == [spaced, plain]
    assert parse_paths(str(spaced).replace(" ", "\\ ") + f"\n{plain}") == [spaced, plain]
    assert parse_paths(f"file://{str(spaced).replace(' ', '%20')}") == [spaced]
    with pytest.raises(InputError, match="quote"):
        parse_paths(f"'{spaced}")


def test_folders_are_opened_up_without_hidden_files_or_repeats(tmp_path: Path):
    folder = tmp_path / "shots"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    a = make_png(folder / "a.png")
    b = make_png(folder / "sub" / "b.png")
    make_png(folder / ".secret.png")
    make_png(folder / ".hidden" / "c.png")
    (tmp_path / "empty").mkdir()
    files, problems = expand([folder, a, tmp_path / "empty", tmp_path / "nothing.png"])
    assert files == [a, b]
    assert problems == [
        f"The folder {tmp_path / 'empty'} has no files in it.",
        f"There is no file or folder at {tmp_path / 'nothing.png'}.",
    ]


def test_adding_many_reports_progress_in_bytes_and_files(vault: Vault, tmp_path: Path):
    folder = tmp_path / "shots"
    folder.mkdir()
    for index in range(3):
        (folder / f"{index}.bin").write_bytes(os.urandom(300_000 + index))
    seen: list[tuple[int, int, int, int]] = []
    result = add_many(vault, [folder], lambda *state: seen.append(state))
    assert [e.original_name for e in result.added] == ["0.bin", "1.bin", "2.bin"]
    total = 900_003
    assert seen[-1] == (total, total, 3, 3)
    assert [done for done, *_ in seen] == sorted(done for done, *_ in seen)
    assert {files for *_, files_done, files in seen} == {3}
    assert result.summary() == "Added 3 items."


def test_a_cancel_keeps_what_was_added_and_leaves_no_piece_behind(vault: Vault, tmp_path: Path):
    folder = tmp_path / "shots"
    folder.mkdir()
    for index in range(3):
        (folder / f"{index}.bin").write_bytes(os.urandom(3 * 1024 * 1024))

    def progress(done: int, total: int, files_done: int, files: int) -> None:
        if files_done == 1 and done > 4 * 1024 * 1024:
            raise Cancelled()

    result = add_many(vault, [folder], progress)
    assert result.cancelled
    assert [e.original_name for e in list_exhibits(vault)] == ["0.bin"]
    assert list(vault.blob_dir.glob("*.part")) == []
    assert len(list(vault.blob_dir.glob("*.blob"))) == 1
    assert result.summary().startswith("Stopped. Added 1 item.")


def test_unreadable_files_are_named_and_the_rest_are_added(vault: Vault, tmp_path: Path):
    good = make_png(tmp_path / "good.png")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = add_many(vault, [good, fifo, good])
    assert [e.original_name for e in result.added] == ["good.png"]
    assert result.problems == [f"{fifo} is not a regular file, so it can't be added as evidence."]
    assert result.summary() == "Added 1 item, 1 could not be read."


# ---- previews -----------------------------------------------------------------------


def detail(image: Image.Image) -> float:
    """How much fine detail a picture has: how far it is from a softened copy of itself."""
    softened = image.filter(ImageFilter.GaussianBlur(3))
    return float(sum(ImageStat.Stat(ImageChops.difference(image, softened)).mean))


def test_a_blurred_preview_keeps_no_detail_and_a_revealed_one_does(tmp_path: Path):
    source = picture(tmp_path / "p.png", seed=5, size=(600, 1000))
    image = load_image(source.read_bytes())
    assert image is not None and max(image.size) <= 720
    revealed = fit(image, 40, 60, blurred=False)
    blurred = fit(image, 40, 60, blurred=True)
    assert revealed.size == blurred.size == (36, 60)
    assert detail(blurred) < detail(revealed) / 10
    assert load_image(b"not an image") is None


def test_previews_are_made_in_memory_only(vault: Vault, tmp_path: Path):
    exhibit = add_file(vault, picture(tmp_path / "p.png", seed=2)).exhibit
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    temp = Path(os.environ["TMPDIR"])
    temp_before = set(temp.rglob("*"))
    image = load_image(read_original(vault, exhibit))
    assert image is not None
    fit(image, 30, 30, blurred=True)
    after = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before and set(temp.rglob("*")) == temp_before


def test_reopened_vault_keeps_guesses_links_and_hashes(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "Screenshot_20240305-211400.png", size=(50, 80)))
    add_file(vault, make_png(tmp_path / "b.png", size=(50, 80), color="red"))
    stitch(vault, ["E-0001", "E-0002"])
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        first, _second, tall = list_exhibits(reopened)
        assert first.guesses == {"captured_at": "name"}
        assert tall.derived_from == ["E-0001", "E-0002"] and tall.phash
        assert get_exhibit(reopened, "3").height == 160
