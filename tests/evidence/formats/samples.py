"""One file of every kind a survivor has, and the damaged or crafted ones, made by the
tests (nothing large is committed). Shared by the binder tests and the benchmark."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from tests.evidence.formats.test_chats import android_zip
from tests.evidence.formats.test_documents import docx_bytes, odt_bytes, pdf_bytes, zip_bomb
from tests.evidence.formats.test_emails import with_attachment
from tests.evidence.formats.test_photos import encoded, exif, grey16, png_declaring, scene
from tests.evidence.formats.test_web import mhtml, warc
from tests.support.media import sound, video

#: Words each kind's binder pages must show, read back from the PDF.
EMAIL_WORDS = "About the photos"
CHAT_WORDS = "who sent this"
PAGE_WORDS = "Post by @someone"

WHATSAPP_TXT = (
    "05/03/2024, 21:14 - Sam Okafor: I saw the post\n"
    "05/03/2024, 21:15 - Alex: who sent this?\n"
    "that account again\n"
)
HTML = (
    "<!doctype html><html><head><title>Saved thread</title>"
    "<script>var secret = 'SCRIPTTEXT';</script></head>"
    "<body><p>The thread that was <b>deleted</b> later.</p></body></html>"
)


def every_family() -> dict[str, bytes]:
    """A file name for each kind, and its bytes."""
    frames = [Image.new("RGB", (30, 20), colour) for colour in ("red", "green", "blue")]
    gif = io.BytesIO()
    frames[0].save(gif, "GIF", save_all=True, append_images=frames[1:], duration=100)
    return {
        "IMG_4821.HEIC": encoded(scene(), "HEIF", exif=exif()),
        "IMG_0007.JPG": encoded(scene((80, 40)), "JPEG", exif=exif(orientation=6)),
        "scan-16bit.png": grey16(scene()),
        "reaction.gif": gif.getvalue(),
        "sticker.webp": encoded(scene(), "WEBP"),
        "RPReplay_Final1709673600.MOV": video(),
        "screen-20240305-211400.mp4": video("mp4", created=None),
        "PTT-20240305-WA0003.opus": sound("ogg", "libopus", rate=48000, created=None),
        "AUD-20240305-WA0001.m4a": sound(),
        "threat.eml": with_attachment(),
        "post.mhtml": mhtml(),
        "thread.html": HTML.encode(),
        "capture.warc.gz": warc(),
        "WhatsApp Chat with Sam.zip": android_zip(),
        "WhatsApp Chat with Alex.txt": WHATSAPP_TXT.encode(),
        "statement.pdf": pdf_bytes(2),
        "letter.docx": docx_bytes(),
        "notes.odt": odt_bytes("He sent it to my family."),
        "usernames.csv": b"handle,when\nalex_r,2024-03-05\n",
        "notes.txt": b"What happened, in my words.\n",
    }


def damaged() -> dict[str, bytes]:
    """Files that can't be shown, each of which must be named in the binder, not stop it."""
    import pikepdf

    locked = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_bytes(1))) as document:
        document.save(locked, encryption=pikepdf.Encryption(user="pw", owner="pw", R=6))
    noise = encoded(Image.effect_noise((200, 200), 60).convert("RGB"), "PNG")
    return {
        "locked.pdf": locked.getvalue(),
        "half-downloaded.png": noise[: len(noise) // 2],
        "huge.png": png_declaring(100_000, 100_000),
        "invoice.docx": zip_bomb("word/document.xml"),
        "clip.mov": b"\x00\x00\x00\x14ftypqt  " + bytes(range(256)) * 8,
        "empty.m4a": b"",
        "mystery.bin": bytes(range(256)) * 4,
    }


def write(folder: Path, files: dict[str, bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths
