"""Binder benchmark: 100 phone screenshots (1170x2532 PNG) into a binder, against
img2pdf on the same images in the same run; file sizes; and peak memory for 25 and 100
exhibits, each in its own process.

Run on demand (the normal test run skips tests/bench):

    python -m pytest tests/bench/test_binder_bench.py -s -o addopts=""

Target: at most 2x img2pdf's time, measured side by side in this run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw

from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.binder.build import build
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import add_file
from tui.core.vault.vault import Vault

COUNT = 100
SIZE = (1170, 2532)
TARGET_RATIO = 2.0


def screenshot(path: Path, seed: int) -> Path:
    """A chat-like screenshot: bubbles of colour and text on a light background."""
    image = Image.new("RGB", SIZE, (242, 242, 247))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SIZE[0], 140), fill=(30, 30, 30))
    for row in range(14):
        top = 200 + row * 165
        mine = (row + seed) % 3 == 0
        left, right = (420, 1130) if mine else (40, 760)
        draw.rounded_rectangle((left, top, right, top + 130), 40,
                               fill=(0, 122, 255) if mine else (229, 229, 234))  # fmt: skip
        draw.text((left + 40, top + 45), f"message {seed}-{row} " * 3, fill=(0, 0, 0))
    image.save(path, optimize=False)
    return path


def make_case(folder: Path, count: int) -> Vault:
    vault, _ = Vault.create(folder / "case", PASSPHRASE, FAST_KDF)
    shots = folder / "shots"
    shots.mkdir()
    for index in range(count):
        add_file(vault, screenshot(shots / f"Screenshot_{index:03d}.png", index))
    return vault


PEAK = """
import sys, tracemalloc
from datetime import date
from pathlib import Path
from tests.bench.test_binder_bench import make_case
from tui.core.binder.build import build
from tui.core.binder.choices import BinderChoices
vault = make_case(Path(sys.argv[1]), int(sys.argv[2]))
tracemalloc.start()
data = build(vault, BinderChoices(export_date=date(2024, 3, 7)))
print(len(data) // 1024, tracemalloc.get_traced_memory()[1] // 1024)
"""


def peak_kib(folder: Path, count: int) -> tuple[int, int]:
    """(size of the binder, peak Python memory while building it), in KiB."""
    folder.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", PEAK, str(folder), str(count)],
        capture_output=True, text=True, check=True, cwd=Path(__file__).parents[2],
    )  # fmt: skip
    size, peak = map(int, done.stdout.split())
    return size, peak


def test_a_binder_of_100_screenshots_against_img2pdf(tmp_path: Path):
    import fpdf  # noqa: F401  (imported before the clock starts, as img2pdf is)
    import img2pdf
    import pikepdf  # noqa: F401

    vault = make_case(tmp_path, COUNT)
    images = sorted((tmp_path / "shots").glob("*.png"))
    start = time.perf_counter()
    reference = img2pdf.convert([str(path) for path in images])
    img2pdf_seconds = time.perf_counter() - start
    start = time.perf_counter()
    binder = build(vault, BinderChoices(export_date=date(2024, 3, 7)))
    binder_seconds = time.perf_counter() - start
    vault.close()
    ratio = binder_seconds / img2pdf_seconds
    source_mib = sum(path.stat().st_size for path in images) / 2**20
    print(f"\n{COUNT} screenshots, {source_mib:.1f} MiB of PNG")
    print(f"img2pdf: {img2pdf_seconds:6.2f} s  {len(reference) / 2**20:6.1f} MiB")
    print(f"reclaim: {binder_seconds:6.2f} s  {len(binder) / 2**20:6.1f} MiB  ratio {ratio:.2f}")
    small = peak_kib(tmp_path / "mem25", 25)
    large = peak_kib(tmp_path / "mem100", 100)
    for count, (size, peak) in ((25, small), (100, large)):
        print(
            f"{count:>3} exhibits: binder {size / 1024:5.1f} MiB, "
            f"peak memory while building {peak / 1024:6.1f} MiB"
        )
    assert ratio <= TARGET_RATIO
