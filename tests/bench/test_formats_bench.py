"""Mixed-case benchmark: 40 files of every family (photos, HEIC, recordings, voice notes,
emails, saved pages, chats, documents, damaged ones) taken in with `reclaim evidence add`
and bound with `reclaim binder`, each in its own process (its own time and peak RSS).

References taken in the same run: for intake, `sha256sum` plus `openssl enc` over the
same files (the bytes must be hashed and encrypted); for the binder, `reclaim evidence
verify`, which decrypts and re-hashes every exhibit, as the binder must too.

    python -m pytest tests/bench/test_formats_bench.py -s -o addopts=""
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from tests.bench.spawn import timed
from tests.evidence.formats import samples
from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.cli import RECLAIM
from tui.core.vault.vault import Vault

COUNT = 40
#: Generous: the binder decodes, lays out and draws every family; verify only reads.
TARGET_BINDER_RATIO = 25.0
TARGET_RSS_MIB = 400


def screenshot(seed: int) -> bytes:
    image = Image.new("RGB", (1170, 2532), (242, 242, 247))
    draw = ImageDraw.Draw(image)
    for row in range(14):
        top = 200 + row * 165
        draw.rounded_rectangle((40, top, 760, top + 130), 40, fill=(229, 229, 234))
        draw.text((80, top + 45), f"message {seed}-{row} " * 3, fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def mixed_case_files(folder: Path) -> list[Path]:
    files = {**samples.every_family(), **samples.damaged()}
    seed = 0
    while len(files) < COUNT:
        files[f"Screenshot_20240305-2114{seed:02d}.png"] = screenshot(seed)
        seed += 1
    return samples.write(folder, files)


@pytest.mark.skipif(
    not (shutil.which("sha256sum") and shutil.which("openssl")),
    reason="needs sha256sum and openssl",
)
def test_intake_and_binder_of_a_mixed_case(tmp_path: Path) -> None:
    files = mixed_case_files(tmp_path / "files")
    names = [str(path) for path in files]
    megabytes = sum(path.stat().st_size for path in files) / 2**20
    sha = timed([shutil.which("sha256sum") or "sha256sum", *names])[0]
    openssl = shutil.which("openssl") or "openssl"
    key, iv = "00" * 32, "00" * 16
    enc = 0.0
    for name in names:
        enc += timed([openssl, "enc", "-aes-256-ctr", "-K", key, "-iv", iv, "-in", name,
                      "-out", str(tmp_path / "enc.out")])[0]  # fmt: skip
    case = tmp_path / "case"
    Vault.create(case, PASSPHRASE, FAST_KDF)[0].close()
    passphrase = tmp_path / "passphrase"
    passphrase.write_text(PASSPHRASE)
    args = ["--vault", str(case), "--passphrase-file", str(passphrase)]
    intake, intake_rss = timed([str(RECLAIM), "evidence", "add", *names, *args])
    verify, _ = timed([str(RECLAIM), "evidence", "verify", *args])
    binder, binder_rss = timed(
        [str(RECLAIM), "binder", str(tmp_path / "binder.pdf"), "--date", "2024-03-07", *args]
    )
    print(
        f"\n{len(files)} files, {megabytes:.1f} MiB: "
        f"intake {intake:.2f} s, peak RSS {intake_rss / 1024:.0f} MiB "
        f"(sha256sum + openssl {sha + enc:.2f} s; ratio {intake / (sha + enc):.1f}); "
        f"binder {binder:.2f} s, peak RSS {binder_rss / 1024:.0f} MiB "
        f"(verify {verify:.2f} s; ratio {binder / verify:.1f}); "
        f"binder {(tmp_path / 'binder.pdf').stat().st_size / 2**20:.1f} MiB"
    )
    assert binder / verify <= TARGET_BINDER_RATIO
    assert max(intake_rss, binder_rss) / 1024 < TARGET_RSS_MIB
