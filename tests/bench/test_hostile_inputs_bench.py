"""Hostile-input benchmark: how long crafted input costs, against ordinary input of the
same kind and size measured in the same run. The normal tests of these inputs
(tests/evidence/formats/test_hostile_sizes.py, tests/binder/test_binder_attacks.py) check
what comes out and only guard against minutes; the speed they once asserted in seconds,
which failed on a busy machine, is measured here as a ratio.

- Reading: each crafted file of test_hostile_sizes is described and printed in a child
  Python (2 GiB memory limit), and so is an ordinary file of the same format and size
  (paragraphs of a page, lines of a message, records of an archive, messages of a chat)
  right after it, in the same child.
- Binders: each crafted case is built in a Python of its own (only the binder is timed),
  against an ordinary case built the same way: the hostile PDFs against as many ordinary
  one-page PDFs; a PDF of 305 pages (printed up to the cap of 300) against one of 300; a
  100,000-character description and a 3,000-character word against a short description;
  500 small exhibits against 50 (no more than linear).

    python -m pytest tests/bench/test_hostile_inputs_bench.py -s -o addopts=""
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from PIL import Image

from tests.binder.test_binder_attacks import HOSTILE, add_in_one_batch, one_page, pages
from tests.evidence.formats import test_hostile_sizes as crafted
from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.pictures import make_png
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import add_file
from tui.core.timeline.events import add_event
from tui.core.vault.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
#: A crafted file may cost this many times an ordinary file of its kind and size (they
#: took from ten seconds to many minutes, hundreds of times more, before their fixes).
TARGET_READ_RATIO = 10.0
#: Seconds an ordinary file is counted as at least: below it, a ratio measures noise.
FLOOR = 0.05
#: A crafted binder against its ordinary counterpart (see the module's docstring).
TARGET_BINDER_RATIO = {"hostile": 4.0, "page cap": 2.0, "huge text": 6.0, "500": 15.0}

# ---- reading crafted files -------------------------------------------------------------

WORDS = b"Ordinary words of a message that says what happened and when. "


def ordinary(name: str, size: int) -> bytes:
    """An ordinary file of the format `name` says, about `size` bytes (unpacked)."""
    lines = size // len(WORDS) + 1
    if name.endswith(".html"):
        return crafted.PAGE + (b"<p>" + WORDS + b"</p>\n") * lines
    if name.endswith(".eml"):
        return crafted.mail(b"From: a@b.c\r\n" + crafted.HEAD + b"Subject: s\r\n",
                            (WORDS + b"\r\n") * lines)  # fmt: skip
    if name.endswith(".mhtml"):
        return (
            b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://x/\r\nSubject: S\r\n"
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; '
            b'boundary="b"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n'
            + crafted.PAGE + (b"<p>" + WORDS + b"</p>\n") * lines + b"\r\n--b--\r\n"
        )  # fmt: skip
    if ".warc" in name:
        record = crafted.warc_record(crafted.PAGE + (b"<p>" + WORDS + b"</p>\n") * 30)
        count = size // len(record) + 1
        if name.endswith(".gz"):
            return gzip.compress(record) * count
        return record * count
    if name.endswith(".json"):
        message = {"id": 1, "type": "message", "date": "2024-03-05T21:14:07", "from": "Sam",
                   "text": WORDS.decode()}  # fmt: skip
        one = json.dumps(message).encode()
        flood = b",".join([one] * (size // (len(one) + 1) + 1))
        return b'{"name":"x","type":"personal_chat","messages":[' + flood + b"]}"
    raise ValueError(name)


def unpacked_size(data: bytes, name: str) -> int:
    """The larger of its size and its size unpacked: either may be what costs."""
    return max(len(data), len(gzip.decompress(data))) if name.endswith(".gz") else len(data)


READER = """
import io, json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))
from tests.bench.test_hostile_inputs_bench import ordinary, unpacked_size
from tests.evidence.formats import test_hostile_sizes as crafted
from tui.core.evidence import formats

def seconds(data, name):
    start = time.perf_counter()
    formats.describe(io.BytesIO(data), name)
    formats.printable(data, name)
    return time.perf_counter() - start

for build, name in json.loads(sys.argv[1]):
    data = getattr(crafted, build)()
    plain = ordinary(name, unpacked_size(data, name))
    print(json.dumps([build, name, seconds(data, name), seconds(plain, name)]), flush=True)
"""


def test_crafted_files_cost_little_more_than_ordinary_ones():
    # Every case test_hostile_sizes reads is noted when it is imported.
    done = subprocess.run(
        [sys.executable, "-c", READER, json.dumps(crafted.CASES)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == len(crafted.CASES)
    print(f"\n{'crafted file':<34} {'crafted':>8} {'ordinary':>9} {'ratio':>6}")
    worst = 0.0
    for build, name, hostile, plain in rows:
        ratio = hostile / max(plain, FLOOR)
        worst = max(worst, ratio)
        print(f"{build + ' ' + name:<34} {hostile:7.2f}s {plain:8.2f}s {ratio:6.1f}")
    print(f"worst ratio {worst:.1f} (target {TARGET_READ_RATIO})")
    assert worst <= TARGET_READ_RATIO


# ---- binders of crafted cases ----------------------------------------------------------


def fill(vault: Vault, folder: Path, case: str) -> None:
    """The exhibits (and events) of one named case, crafted or ordinary."""
    if case in ("hostile", "hostile ordinary"):
        files = []
        for number, (name, made, _) in enumerate(HOSTILE):
            path = folder / f"pdf-{number:02d}.pdf"
            square = b"0 0 1 rg 0 0 %d 50 re f" % (10 + number)  # each its own file
            path.write_bytes(made() if case == "hostile" else one_page(square))
            files.append((path, name))
        add_in_one_batch(vault, [*files, (make_png(folder / "good.png"), "the good picture")])
    elif case in ("page cap", "page cap ordinary"):
        (folder / "long.pdf").write_bytes(pages(305 if case == "page cap" else 300))
        add_file(vault, folder / "long.pdf")
    elif case in ("huge text", "huge text ordinary"):
        huge = case == "huge text"
        add_event(vault, "2024-03-05 21:14", "x" * 3000 + " https://example.com/" + "a-b/" * 400
                  if huge else "He wrote to me https://example.com/a-b/")  # fmt: skip
        description = ("word " * 20_000)[:100_000] if huge else "a screenshot of the message"
        url = "https://e.com/" + ("q" * 5000 if huge else "q")
        add_file(vault, make_png(folder / "a.png"), {"description": description, "url": url})
    else:  # "500" or "500 ordinary" (50)
        count = 500 if case == "500" else 50
        files = []
        for number in range(count):
            path = folder / f"shot-{number:03d}.png"
            Image.new("RGB", (8, 8), (number % 256, number // 2, 90)).save(path, "PNG")
            files.append((path, f"screenshot {number}"))
        add_in_one_batch(vault, files)


BINDER = """
import sys
from pathlib import Path
from tests.bench.test_hostile_inputs_bench import binder_seconds
print(binder_seconds(Path(sys.argv[1]), sys.argv[2]))
"""


def binder_seconds(folder: Path, case: str) -> float:
    """Seconds `make` takes over the case, which is built first (not timed)."""
    folder.mkdir()
    vault, _ = Vault.create(folder / "case", PASSPHRASE, FAST_KDF)
    with vault:
        fill(vault, folder, case)
        start = time.perf_counter()
        make(vault, BinderChoices(export_date=date(2024, 3, 7)))
        return time.perf_counter() - start


def timed_binder(folder: Path, case: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", BINDER, str(folder), case],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return float(done.stdout.split()[-1])


def test_crafted_binders_cost_little_more_than_ordinary_ones(tmp_path: Path):
    print(f"\n{'binder':<12} {'crafted':>8} {'ordinary':>9} {'ratio':>6} {'target':>7}")
    ratios = {}
    for number, (case, target) in enumerate(TARGET_BINDER_RATIO.items()):
        hostile = timed_binder(tmp_path / f"{number}-crafted", case)
        plain = timed_binder(tmp_path / f"{number}-ordinary", f"{case} ordinary")
        ratios[case] = hostile / plain
        print(f"{case:<12} {hostile:7.2f}s {plain:8.2f}s {ratios[case]:6.2f} {target:7.1f}")
    assert all(ratios[case] <= target for case, target in TARGET_BINDER_RATIO.items()), ratios
