"""The finished binder is written to its file as it is saved, never held whole in memory:
the file that lands is the same, byte for byte, as one made in memory; it appears under its
name only once whole; a binder that fails or is stopped leaves nothing in the chosen folder
(nor anywhere else); a package's binder is saved into its place the same way."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import pikepdf
import pytest

from tests.support.pictures import make_png
from tui.core.binder import overlay
from tui.core.binder.build import make, write_binder
from tui.core.binder.choices import BinderChoices
from tui.core.binder.packages import write_package
from tui.core.evidence.adding import add_file
from tui.core.shared.errors import Cancelled
from tui.core.vault import custody
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)
#: An original that doesn't compress, attached to the binder: the binder is at least this.
ORIGINAL_BYTES = 2**20


@pytest.fixture
def case(vault: Vault, tmp_path: Path) -> Vault:
    source = tmp_path / "source"
    source.mkdir()
    add_file(vault, make_png(source / "post.png", size=(120, 80), color="teal"), {})
    (source / "recording.bin").write_bytes(os.urandom(ORIGINAL_BYTES))
    add_file(vault, source / "recording.bin", {"description": "A recording"})
    return vault


def _listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def saved_into(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folder of the file each pikepdf save from now on writes ('BytesIO' for one in
    memory), in order."""
    seen: list[str] = []
    real_save = pikepdf.Pdf.save

    def watched_save(pdf: pikepdf.Pdf, target: BinaryIO, **options: Any) -> None:
        try:  # where the file being written is
            seen.append(str(Path(f"/proc/self/fd/{target.fileno()}").readlink().parent))
        except OSError:  # a buffer in memory (io.UnsupportedOperation)
            seen.append(type(target).__name__)
        real_save(pdf, target, **options)

    monkeypatch.setattr(pikepdf.Pdf, "save", watched_save)
    return seen


def test_the_file_written_is_the_binder_made_in_memory_and_its_hash_is_logged(
    case: Vault, tmp_path: Path
) -> None:
    choices = BinderChoices(export_date=DAY, attach_originals=True)
    in_memory = make(case, choices).data
    out = tmp_path / "out"
    out.mkdir()
    result = write_binder(case, out / "binder.pdf", choices)
    written = (out / "binder.pdf").read_bytes()
    assert written == in_memory  # byte for byte, PDF/A id and all
    assert result.sha256 == hashlib.sha256(written).hexdigest()
    assert custody.entries(case.table(custody.TABLE))[-1]["details"]["sha256"] == result.sha256
    assert _listing(out) == ["binder.pdf"]  # no hidden part left beside it
    with pikepdf.open(out / "binder.pdf") as pdf:
        assert len(pdf.pages) == result.pages


def test_the_binder_is_saved_into_a_file_beside_its_place_not_held_in_memory(
    case: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What pikepdf saves the binder into is a file in the chosen folder (a hidden one,
    which takes the binder's name once whole), not a buffer in memory: a binder of the
    shared corpus is over 50 MiB, which was held, copied, then written."""
    out = tmp_path / "out"
    out.mkdir()
    choices = BinderChoices(export_date=DAY, attach_originals=True)
    seen = saved_into(monkeypatch)
    write_binder(case, out / "binder.pdf", choices)
    assert seen[-1] == str(out)  # the last save is the binder's (pages are saved before)
    assert _listing(out) == ["binder.pdf"]
    make(case, choices)  # asked for in memory, it is made in memory
    assert seen[-1] == "BytesIO"


def test_a_binder_that_fails_while_it_is_saved_leaves_nothing_behind(
    case: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.txt").write_text("the person's own file")
    around = _listing(tmp_path)
    real_save = pikepdf.Pdf.save

    def half_then_full_disk(pdf: pikepdf.Pdf, target: object, **options: object) -> None:
        real_save(pdf, target, **options)  # type: ignore[arg-type]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pikepdf.Pdf, "save", half_then_full_disk)
    before = len(custody.entries(case.table(custody.TABLE)))
    with pytest.raises(OSError):
        write_binder(case, out / "binder.pdf", BinderChoices(export_date=DAY))
    assert _listing(out) == ["kept.txt"]
    assert _listing(tmp_path) == around
    assert len(custody.entries(case.table(custody.TABLE))) == before  # nothing logged


def test_a_binder_stopped_while_it_is_drawn_leaves_nothing_behind(
    case: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stop(*_args: object) -> None:
        raise Cancelled

    monkeypatch.setattr(overlay, "_place", stop)
    with pytest.raises(Cancelled):
        write_binder(case, tmp_path / "binder.pdf", BinderChoices(export_date=DAY))
    assert not (tmp_path / "binder.pdf").exists()
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]


def test_a_package_binder_is_saved_into_its_place_with_its_digests(
    case: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choices = BinderChoices(export_date=DAY)
    in_memory = make(case, BinderChoices(export_date=DAY, packaged=True)).data
    seen = saved_into(monkeypatch)
    result = write_package(case, tmp_path / "package", choices)
    assert seen[-1] == str(tmp_path / "package" / "data")
    binder = (tmp_path / "package" / "data" / "binder.pdf").read_bytes()
    assert binder == in_memory
    assert result.sha256 == hashlib.sha256(binder).hexdigest()
    manifest = (tmp_path / "package" / "manifest-sha512.txt").read_text()
    assert f"{hashlib.sha512(binder).hexdigest()}  data/binder.pdf" in manifest
    assert (tmp_path / "package" / "data" / "binder.pdf").stat().st_mode & 0o777 == 0o600
