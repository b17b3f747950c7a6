"""A tiled HEIF photo (a phone's HEIC is a grid of tiles, 512 x 512 on an iPhone or a
200-megapixel Samsung, 2 x 2 on a Canon's 10-bit HIF) decoded one tile at a time and
shrunk as it goes, so that decoding it never holds the whole photo.

pillow-heif decodes only the whole picture: a 200-megapixel photo would be 800 MB, and
even a 12-megapixel 10-bit one costs some 160 MB at once in libheif's conversions. The
libheif that pillow-heif brings with it (1.19 or later) can decode a single tile
(`heif_image_handle_decode_image_tile`), which pillow-heif doesn't offer: it is called
here directly, on the library pillow-heif has already loaded. Where that library or
call is not there, or the photo is not tiled, nothing is decoded here (None), and the
photo is read as before.

Tiles come already turned by the photo's own transformations (rotation, mirroring,
cropping), in the turned picture's layout; the rows of one row of tiles are scaled
together with the rows around them that the filter reaches, so the tiles join unseen."""

from __future__ import annotations

import ctypes
import functools
import math
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

#: libheif's values for RGB, 8-bit interleaved RGB, and its interleaved plane.
_COLORSPACE_RGB = 1
_CHROMA_INTERLEAVED_RGB = 10
_CHANNEL_INTERLEAVED = 10
#: Rows of a tiled photo shrunk at a time at most (some 16 tiles of 512 rows on a
#: 12,000-pixel-wide photo: 4 bytes a pixel in Pillow).
BAND_PIXELS = 8_000_000
#: A row of tiles, with the rows carried over from the row before, is held as one
#: picture of at most this many pixels (4 bytes each): a 250-megapixel photo's is 12.5 M.
BAND_MOST_PIXELS = 32_000_000
#: Tiles of more pixels than this are not decoded one by one (a tile is decoded whole,
#: with libheif's buffers beside it); such a photo is read as before.
MOST_TILE_PIXELS = 16_000_000
#: The most pixels a tiled photo may have to be decoded here (a 250-megapixel photo is
#: within it); a file claiming more is left to the usual checks, which refuse it.
MOST_PIXELS = 320_000_000


class _Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("subcode", ctypes.c_int), ("message", ctypes.c_char_p)]


class _Tiling(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_int),
        ("num_columns", ctypes.c_uint32),
        ("num_rows", ctypes.c_uint32),
        ("tile_width", ctypes.c_uint32),
        ("tile_height", ctypes.c_uint32),
        ("image_width", ctypes.c_uint32),
        ("image_height", ctypes.c_uint32),
        ("top_offset", ctypes.c_uint32),
        ("left_offset", ctypes.c_uint32),
        ("number_of_extra_dimensions", ctypes.c_uint8),
        ("extra_dimension_size", ctypes.c_uint32 * 8),
    ]


class _Options(ctypes.Structure):
    """The start of libheif's decoding options (version 2 on), as far as the field set."""

    _fields_ = [
        ("version", ctypes.c_uint8),
        ("ignore_transformations", ctypes.c_uint8),
        ("start_progress", ctypes.c_void_p),
        ("on_progress", ctypes.c_void_p),
        ("end_progress", ctypes.c_void_p),
        ("progress_user_data", ctypes.c_void_p),
        ("convert_hdr_to_8bit", ctypes.c_uint8),
    ]


@functools.cache
def _library() -> ctypes.CDLL | None:
    """pillow-heif's own libheif, with the calls used here declared; None without it."""
    try:
        import pillow_heif  # noqa: F401  (loads its libheif into the process)
    except ImportError:
        return None
    path = _loaded_libheif()
    if path is None:
        return None
    try:
        lib = ctypes.CDLL(path)
        void, ptr, err = None, ctypes.c_void_p, _Error
        declared = {
            "heif_context_alloc": (ptr, []),
            "heif_context_free": (void, [ptr]),
            "heif_context_read_from_memory_without_copy": (err, [ptr, ptr, ctypes.c_size_t, ptr]),
            "heif_context_get_primary_image_handle": (err, [ptr, ctypes.POINTER(ptr)]),
            "heif_image_handle_release": (void, [ptr]),
            "heif_image_handle_has_alpha_channel": (ctypes.c_int, [ptr]),
            "heif_image_handle_get_image_tiling": (
                err,
                [ptr, ctypes.c_int, ctypes.POINTER(_Tiling)],
            ),
            "heif_image_handle_decode_image_tile": (
                err,
                [
                    ptr,
                    ctypes.POINTER(ptr),
                    ctypes.c_int,
                    ctypes.c_int,
                    ptr,
                    ctypes.c_uint32,
                    ctypes.c_uint32,
                ],
            ),
            "heif_decoding_options_alloc": (ctypes.POINTER(_Options), []),
            "heif_decoding_options_free": (void, [ctypes.POINTER(_Options)]),
            "heif_image_get_plane_readonly": (
                ctypes.POINTER(ctypes.c_uint8),
                [ptr, ctypes.c_int, ctypes.POINTER(ctypes.c_int)],
            ),
            "heif_image_get_width": (ctypes.c_int, [ptr, ctypes.c_int]),
            "heif_image_get_height": (ctypes.c_int, [ptr, ctypes.c_int]),
            "heif_image_release": (void, [ptr]),
        }
        for name, (restype, argtypes) in declared.items():
            function = getattr(lib, name)
            function.restype = restype
            function.argtypes = argtypes
    except (OSError, AttributeError):  # no such library here, or one without tiles
        return None
    return lib


def _loaded_libheif() -> str | None:
    """The path of the libheif pillow-heif loaded, read from the process's own map of
    its libraries (Linux); None elsewhere, where photos are read as before."""
    maps = Path("/proc/self/maps")
    if maps.is_file():
        for line in maps.read_text(errors="replace").splitlines():
            name = line.rsplit(" ", 1)[-1]
            if "/libheif" in name and ".so" in name:
                return name
    return None


def tiling(data: bytes) -> tuple[int, int, int, int] | None:
    """(tile width, tile height, columns, rows) of the photo as shown, when it is tiled
    in tiles that can be decoded one by one; None otherwise or where it can't be read."""
    with _Opened(data) as opened:
        return None if opened.tiles is None else opened.shape()


def shrunk_by_tiles(data: bytes, target: tuple[int, int]) -> Image.Image | None:
    """The primary picture as 8-bit RGB, scaled to `target` (width, height, as shown by
    its own transformations), decoded a tile at a time; None where it can't be done
    this way (not tiled, transparent, no such call in libheif, a tile that won't decode)."""
    with _Opened(data) as opened:
        if opened.tiles is None:
            return None
        try:
            return opened.shrunk(target)
        except (OSError, ValueError, MemoryError):
            return None


class _Opened:
    """One HEIF file opened in libheif, its primary picture and how it is tiled."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.lib = _library()
        self.context: int | None = None
        self.handle = ctypes.c_void_p()
        self.tiles: _Tiling | None = None

    def __enter__(self) -> _Opened:
        lib = self.lib
        if lib is None:
            return self
        self.buffer = ctypes.c_char_p(self.data)  # the bytes themselves, not a copy
        self.context = lib.heif_context_alloc()
        if not self.context:
            return self
        read = lib.heif_context_read_from_memory_without_copy(
            self.context, self.buffer, len(self.data), None
        )
        if (
            read.code
            or lib.heif_context_get_primary_image_handle(
                self.context, ctypes.byref(self.handle)
            ).code
        ):
            return self
        if lib.heif_image_handle_has_alpha_channel(self.handle):
            return self  # laid on white by the usual way
        tiles = _Tiling()
        if lib.heif_image_handle_get_image_tiling(self.handle, 1, ctypes.byref(tiles)).code:
            return self
        tile_pixels = tiles.tile_width * tiles.tile_height
        if (
            tiles.num_columns * tiles.num_rows > 1
            and 0 < tile_pixels <= MOST_TILE_PIXELS
            and 0 < tiles.image_width * tiles.image_height <= MOST_PIXELS
            and tiles.image_width * tiles.tile_height * 2 <= BAND_MOST_PIXELS
            and tiles.number_of_extra_dimensions == 0
        ):
            self.tiles = tiles
        return self

    def __exit__(self, *_exc: object) -> None:
        lib = self.lib
        if lib is None:
            return
        if self.handle:
            lib.heif_image_handle_release(self.handle)
        if self.context:
            lib.heif_context_free(self.context)

    def shape(self) -> tuple[int, int, int, int]:
        tiles = self.tiles
        assert tiles is not None
        return tiles.tile_width, tiles.tile_height, tiles.num_columns, tiles.num_rows

    def tile(self, column: int, row: int) -> Image.Image:
        """One tile, decoded as 8-bit RGB, turned as the photo is shown."""
        from PIL import Image

        lib = self.lib
        assert lib is not None
        options = lib.heif_decoding_options_alloc()
        image = ctypes.c_void_p()
        try:
            if options and options.contents.version >= 2:
                options.contents.convert_hdr_to_8bit = 1
            decoded = lib.heif_image_handle_decode_image_tile(
                self.handle, ctypes.byref(image), _COLORSPACE_RGB, _CHROMA_INTERLEAVED_RGB,
                ctypes.cast(options, ctypes.c_void_p), column, row,
            )  # fmt: skip
            if decoded.code or not image:
                raise ValueError("a tile could not be decoded")  # i18n: not shown
            stride = ctypes.c_int()
            plane = lib.heif_image_get_plane_readonly(
                image, _CHANNEL_INTERLEAVED, ctypes.byref(stride)
            )
            width = lib.heif_image_get_width(image, _CHANNEL_INTERLEAVED)
            height = lib.heif_image_get_height(image, _CHANNEL_INTERLEAVED)
            if not plane or width <= 0 or height <= 0 or stride.value < width * 3:
                raise ValueError("a tile has no pixels")  # i18n: not shown
            pixels = (ctypes.c_uint8 * (stride.value * height)).from_address(
                ctypes.addressof(plane.contents)
            )  # read in place: Pillow makes its own copy
            return Image.frombuffer("RGB", (width, height), pixels, "raw", "RGB", stride.value, 1)
        finally:
            if image:
                lib.heif_image_release(image)
            if options:
                lib.heif_decoding_options_free(options)

    def band(self, row: int, carried: Image.Image | None) -> Image.Image:
        """One row of tiles laid side by side, cut to the picture's width, below the
        rows `carried` over from the row before (laid into one picture, not joined)."""
        from PIL import Image

        tiles = self.tiles
        assert tiles is not None
        top = row * tiles.tile_height - _shift(
            tiles.top_offset, tiles.num_rows * tiles.tile_height, tiles.image_height
        )
        height = min(tiles.image_height, top + tiles.tile_height) - max(0, top)
        above = carried.height if carried is not None else 0
        band = Image.new("RGB", (tiles.image_width, above + height))
        if carried is not None:
            band.paste(carried, (0, 0))
        for column in range(tiles.num_columns):
            tile = self.tile(column, row)
            left = column * tiles.tile_width - _shift(
                tiles.left_offset, tiles.num_columns * tiles.tile_width, tiles.image_width
            )
            band.paste(tile, (left, above + min(0, top)))
            del tile
        return band

    def shrunk(self, target: tuple[int, int]) -> Image.Image:
        """The rows of tiles decoded in turn, each scaled to its share of `target`
        together with the rows before and after it that the filter reaches."""
        from PIL import Image

        tiles = self.tiles
        assert tiles is not None
        width, height = tiles.image_width, tiles.image_height
        down = height / target[1]
        margin = math.ceil(3 * down) + 1
        step = max(1, int(BAND_PIXELS / max(1, width) / down))
        out = Image.new("RGB", target)
        held: Image.Image | None = None  # decoded rows from held_top on, not yet used up
        held_top = 0
        done = 0  # rows of `out` made
        for row in range(tiles.num_rows):
            held = self.band(row, held)
            held_bottom = held_top + held.height
            last = row == tiles.num_rows - 1
            # Rows of `out` whose source rows, and the filter's reach, are all decoded.
            ready = target[1] if last else max(done, math.floor((held_bottom - margin) / down))
            while done < ready:
                end = min(ready, done + step)
                region = (0.0, done * down - held_top, float(width), end * down - held_top)
                part = held.resize((target[0], end - done), Image.Resampling.LANCZOS, region, 3.0)
                out.paste(part, (0, done))
                done = end
            keep_from = max(held_top, math.floor(done * down) - margin)
            held = held.crop((0, keep_from - held_top, width, held.height))
            held_top = keep_from
        return out


def _shift(offset: int, covered: int, size: int) -> int:
    """How far the first tile starts before the picture: none unless libheif says the
    tiles were turned so that their padding (what the tiles cover beyond the picture)
    comes first; then all of that padding."""
    return covered - size if offset else 0
