"""Reading words in pictures (issue 30): phone screenshots drawn here with the shipped
DejaVu fonts (1170 x 2532 and 1080 x 2400, light and dark, chat bubbles, 24-48 px text
at 1170 wide, a status bar, handles, dates, web addresses, emoji; English, Spanish and
French with their accents), whose words are known.

Measured side by side in one run:
- accuracy: the words drawn that are read exactly (target at least 97%), by language
  and by light or dark mode;
- speed: seconds of one core (the recogniser runs one thread) per 1170 x 2532
  screenshot, median (target at most 1.5 s), beside decoding the same PNG alone;
- memory: the peak RSS of a process reading them all (target under 500 MiB), beside a
  process that only decodes them;
- saving: what keeping one more reading costs in a case that already holds hundreds.

    python -m pytest tests/bench/test_reading_bench.py -s -o addopts=""
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.bench.spawn import timed
from tests.evidence.reading.drawn import Drawn, phone_screenshot, png
from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.evidence.reading import engine as engines

TARGET_ACCURACY = 0.97
TARGET_SECONDS = 1.5
TARGET_RSS_MIB = 500
SIZES = ((1170, 2532), (1080, 2400))

MESSAGES = {
    "en": (
        "@jordan_m_1987",
        [
            (False, "Posted 5 March 2024 21:14 on instagram.com/p/Cx9dkL2"),
            (True, "Please take that picture down right now"),
            (False, "Why would I? Everyone has seen it already"),
            (True, "I never agreed to you sharing it with anyone"),
            (False, "Check https://example.com/jordan/photos before you complain"),
            (True, "I am saving all of this as evidence"),
            (False, "Mar 5, 2024 at 9:14 PM you said it was fine"),
            (True, "That is not true and you know it"),
        ],
    ),
    "es": (
        "@maria.lopez_22",
        [
            (False, "Publicado el 5 de marzo de 2024 a las 21:14"),
            (True, "Por favor, quita esa foto ahora mismo"),
            (False, "¿Por qué? Ya la vio todo el mundo, niña"),
            (True, "Nunca acepté que la compartieras con nadie"),
            (False, "Mañana la subo otra vez a www.ejemplo.es/fotos"),
            (True, "Estoy guardando todo esto como prueba"),
            (False, "Señor Muñoz también tiene una copia, ¡qué pena!"),
            (True, "Eso no es verdad y lo sabes bien"),
        ],
    ),
    "fr": (
        "@lea_dubois",
        [
            (False, "Publié le 5 mars 2024 à 21:14 sur https://exemple.fr/p/9"),
            (True, "S'il te plaît, retire cette photo tout de suite"),
            (False, "Pourquoi ? Tout le monde l'a déjà vue, garçon"),
            (True, "Je n'ai jamais accepté que tu la partages"),
            (False, "Ça m'est égal, je la remettrai à côté des autres"),
            (True, "Je garde tout ceci comme preuve"),
            (False, "Où est le problème ? C'était très drôle"),
            (True, "Ce n'est pas vrai et tu le sais"),
        ],
    ),
}


def drawn_screenshots() -> list[tuple[str, str, tuple[int, int], Drawn]]:
    shots = []
    for language, (handle, messages) in MESSAGES.items():
        for size in SIZES:
            for dark in (False, True):
                drawn = phone_screenshot(*size, dark=dark, handle=handle, messages=messages)
                shots.append((language, "dark" if dark else "light", size, drawn))
    return shots


def exact_words(expected: list[str], read: list[str]) -> int:
    """How many of the words drawn were read exactly (each read word counts once)."""
    left = Counter(read)
    found = 0
    for word in expected:
        if left[word] > 0:
            left[word] -= 1
            found += 1
    return found


READER = """
import sys
from pathlib import Path
from PIL import Image
from tui.core.evidence.reading.engine import engine
only_decode = sys.argv[1] == "decode"
for path in sorted(Path(sys.argv[2]).glob("*.png")):
    with Image.open(path) as image:
        image.load()
        if not only_decode:
            engine().read(image)
"""


def test_reading_drawn_screenshots(tmp_path: Path) -> None:
    from PIL import Image

    recogniser = engines.engine()
    shots = drawn_screenshots()
    folder = tmp_path / "shots"
    folder.mkdir()
    totals: dict[str, list[int]] = {}
    seconds: list[float] = []
    walls: list[float] = []
    decoding: list[float] = []
    misses: list[tuple[str, str]] = []
    for index, (language, mode, size, drawn) in enumerate(shots):
        data = png(drawn.image)
        (folder / f"{index:02d}.png").write_bytes(data)
        start, cpu = time.perf_counter(), time.thread_time()
        with Image.open(folder / f"{index:02d}.png") as image:
            image.load()
            decoded = image.copy()
        decode_cpu = time.thread_time() - cpu
        start, cpu = time.perf_counter(), time.thread_time()
        lines = recogniser.read(decoded)
        used = time.thread_time() - cpu
        if size == (1170, 2532):
            seconds.append(used)
            walls.append(time.perf_counter() - start)
            decoding.append(decode_cpu)
        read_words = [word for line in lines for word in line.text.split()]
        right = exact_words(drawn.words, read_words)
        for key in (language, mode, f"{size[0]}x{size[1]}", "all"):
            counts = totals.setdefault(key, [0, 0])
            counts[0] += right
            counts[1] += len(drawn.words)
        unread = Counter(drawn.words) - Counter(read_words)
        misses += [(language, word) for word in unread.elements()]

    print(f"\nRecogniser: {recogniser.name}")
    for key, (right, count) in totals.items():
        print(f"exact words {key:>10}: {right}/{count} = {right / count:.1%}")
    print("words missed:", misses)
    median = statistics.median(seconds)
    print(
        f"1170x2532: median {median:.2f} s of one core per screenshot "
        f"(wall {statistics.median(walls):.2f} s on this machine's load); "
        f"decoding the PNG alone {statistics.median(decoding) * 1000:.0f} ms"
    )

    reading_s, reading_kib = timed([sys.executable, "-c", READER, "read", str(folder)])
    decode_s, decode_kib = timed([sys.executable, "-c", READER, "decode", str(folder)])
    print(
        f"{len(shots)} screenshots in one process: peak RSS {reading_kib / 1024:.0f} MiB "
        f"({reading_s:.1f} s); decoding them alone {decode_kib / 1024:.0f} MiB ({decode_s:.1f} s)"
    )
    # A long stitched chat: eight screenshots one under the other (1170 x 20256).
    tall_folder = tmp_path / "tall"
    tall_folder.mkdir()
    tall = Image.new("RGB", (1170, 2532 * 8), "white")
    wide = [drawn.image for _l, _m, size, drawn in shots if size == (1170, 2532)]
    for index in range(8):
        tall.paste(wide[index % len(wide)], (0, 2532 * index))
    tall.save(tall_folder / "tall.png")
    tall_s, tall_kib = timed([sys.executable, "-c", READER, "read", str(tall_folder)])
    print(f"1170x20256 stitched chat: peak RSS {tall_kib / 1024:.0f} MiB ({tall_s:.1f} s)")
    right, count = totals["all"]
    assert right / count >= TARGET_ACCURACY
    assert median <= TARGET_SECONDS
    assert reading_kib / 1024 < TARGET_RSS_MIB
    assert tall_kib / 1024 < TARGET_RSS_MIB


@pytest.mark.parametrize("readings", [300])
def test_saving_a_reading_in_a_case_of_hundreds(tmp_path: Path, readings: int) -> None:
    """Each reading is saved as one entry appended to the record's journal, so a save costs
    what it changes, not the case's size: timed with hundreds of readings already kept."""
    from tui.core.evidence.intake import add_many
    from tui.core.evidence.model import TABLE, doc_ids
    from tui.core.evidence.reading.model import KEY, Line, PictureText, Reading
    from tui.core.vault.vault import Vault

    reading = Reading(
        "bench",
        "2026-12-07T16:00:00Z",
        (
            PictureText(
                "picture",
                1170,
                2532,
                tuple(Line(f"line {n} of a long chat " * 2, (40, n * 60, 900, n * 60 + 40), 0.98)
                      for n in range(40)),
            ),
        ),
    ).to_dict()  # fmt: skip
    shot = tmp_path / "shot.png"
    from tests.evidence.reading.drawn import lines_picture

    shot.write_bytes(lines_picture(["x"]))
    vault, _code = Vault.create(tmp_path / "case", PASSPHRASE, FAST_KDF)
    with vault:
        (exhibit,) = add_many(vault, [shot]).added
        record = exhibit.to_record()
        with vault.transaction():
            table = vault.table(TABLE)
            for number in range(2, readings + 1):
                table.insert({**record, "id": f"E-{number:04d}", KEY: reading})
        times = []
        for _ in range(20):
            start = time.perf_counter()
            with vault.transaction():
                vault.table(TABLE).update({KEY: reading}, doc_ids=doc_ids(vault, exhibit.id))
            times.append(time.perf_counter() - start)
        size = sum(p.stat().st_size for p in (tmp_path / "case").rglob("*") if p.is_file())
    print(
        f"\nSaving one reading with {readings} kept: median "
        f"{statistics.median(times) * 1000:.1f} ms, slowest {max(times) * 1000:.1f} ms "
        f"(the case folder {size / 2**20:.1f} MiB)"
    )
    assert statistics.median(times) < 0.25
