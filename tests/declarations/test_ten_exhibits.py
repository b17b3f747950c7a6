"""Issue 28's bar: a case of ten exhibits of mixed kinds, each with provenance, gives a
binder whose pages and index show it, and declarations for the US, the UK, Canada and
Australia that name every exhibit with its full SHA-256, with no blank or placeholder."""

import json
import subprocess
from pathlib import Path

from PIL import Image

from tests.support.pictures import make_png

PLACEHOLDERS = ("____", "[", "TODO", "None", "{", "}")


def mixed_files(folder: Path) -> list[Path]:
    folder.mkdir()
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Google", "Pixel 8"
    photo = folder / "photo.jpg"
    Image.new("RGB", (40, 30), "olive").save(photo, "JPEG", exif=exif.tobytes())
    files = [make_png(folder / f"shot-{n}.png", color=c) for n, c in enumerate(("red", "blue"))]
    texts = {
        "chat.txt": "[12/03/2024, 21:14] Sam: you'll regret this\n",
        "page.html": "<html><head><title>Post</title></head><body><p>the post</p></body></html>",
        "mail.eml": "From: a@example.com\nTo: b@example.com\nSubject: pictures\n\nI have them.\n",
        "data.json": '{"messages": [{"from": "sam", "text": "posted"}]}',
        "list.csv": "when,what\n2024-03-12,posted\n",
        "notes.md": "# What happened\n\nThey posted it on 12 March.\n",
        "log.txt": "12 March: reported to the site\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text)
        files.append(folder / name)
    return [photo, *files]


def test_ten_mixed_exhibits_binder_and_four_declarations(cli, tmp_path: Path):
    files = mixed_files(tmp_path / "in")
    assert len(files) == 10
    added = cli(
        "evidence", "add", *map(str, files),
        "--captured-by", "Alex Morgan", "--role", "self", "--how", "data-download",
        "--app", "Instagram", "--clock", "platform",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    shas = [e["sha256"] for e in json.loads(cli("evidence", "list", "--json").stdout)]
    assert len(shas) == 10
    target = tmp_path / "binder.pdf"
    assert cli("binder", str(target), "--date", "2026-12-07").returncode == 0
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert text.count("Provenance: the platform's own data download; by Alex Morgan") == 10
    assert text.count("How the platform's own data download") == 10
    assert "On the device Google Pixel 8 (read from the file, not yet confirmed)" in text
    given = [
        *("--name", "Alex Morgan", "--address", "12 Long Street, Toronto, Ontario"),
        *("--occupation", "teacher", "--age", "over 18"),
    ]
    wording = {
        "us-1746": "under penalty of perjury under the laws of the United States of America",
        "uk-s9": "true to the best of my knowledge and belief",
        "ca-affidavit": "Canada Evidence Act",
        "au-statdec": "true in every particular",
    }
    for kind, words in wording.items():
        result = cli("declaration", "--kind", kind, *given)
        assert result.returncode == 0, result.stderr
        draft = result.stdout
        assert words in " ".join(draft.split())
        for sha in shas:
            assert f"SHA-256: {sha}" in draft, (kind, sha)
        for mark in PLACEHOLDERS:
            assert mark not in draft, (kind, mark)
    uk = cli("declaration", "--kind", "uk-s9").stdout
    assert all(f"Exhibit AM/{n} " in uk for n in range(1, 11))
