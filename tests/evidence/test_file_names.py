"""A file whose name is not UTF-8 (bytes 0xFF 0xFE from another system) keeps its name
to the byte: the record shows it with those bytes written out, the terminal never gets
them raw, and the original goes back out under its very own name."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.support.cli import Result
from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.evidence.export import export_original
from tui.core.evidence.file_names import NAME_BYTES, kept_name
from tui.core.evidence.model import get_exhibit
from tui.core.shared.display import shown, shown_block
from tui.core.vault import custody
from tui.core.vault.vault import Vault

RAW = b"bad\xff\xfename.png"
SHOWN = "bad\\xff\\xfename.png"


def odd_file(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / os.fsdecode(RAW)
    make_png(path)
    assert RAW in [os.fsencode(child.name) for child in folder.iterdir()]
    return path


def test_a_name_that_is_not_utf8_is_kept_to_the_byte_and_exported_under_it(
    vault: Vault, tmp_path: Path
):
    source = odd_file(tmp_path / "in")
    exhibit = add_file(vault, source).exhibit
    assert exhibit.original_name == SHOWN
    assert get_exhibit(vault, exhibit.id).extra[NAME_BYTES] == "YmFk//5uYW1lLnBuZw=="
    logged = custody.entries(vault.table(custody.TABLE))
    intake = [entry["details"] for entry in logged if entry["action"] == "intake"]
    assert intake[0]["original_name"] == SHOWN
    out = tmp_path / "out"
    out.mkdir()
    written = export_original(vault, exhibit.id, out)
    assert [os.fsencode(child.name) for child in out.iterdir()] == [RAW]
    assert os.fsencode(written.name) == RAW
    assert written.read_bytes() == source.read_bytes()


def test_a_utf8_name_is_kept_as_it_is_with_nothing_beside_it(vault: Vault, tmp_path: Path):
    assert kept_name("mañana.png") == ("mañana.png", None)
    exhibit = add_file(vault, make_png(tmp_path / "mañana.png")).exhibit
    assert exhibit.original_name == "mañana.png" and NAME_BYTES not in exhibit.extra
    out = tmp_path / "out"
    out.mkdir()
    assert export_original(vault, exhibit.id, out).name == "mañana.png"


def test_raw_bytes_of_a_name_are_written_out_on_a_terminal():
    name = os.fsdecode(RAW)
    assert shown(name) == SHOWN
    assert shown_block(f"Adding {name}\n") == f"Adding {SHOWN}\n"


def test_evidence_add_and_list_never_print_the_raw_bytes(cli, tmp_path: Path):
    source = odd_file(tmp_path / "in")
    added: Result = cli("evidence", "add", str(source))
    assert added.returncode == 0, added.stderr
    assert f"E-0001  {SHOWN}" in added.stdout
    for text in (added.stdout, added.stderr):
        assert not any("\udc80" <= char <= "\udcff" for char in text)
    listed = cli("evidence", "list", "--json")
    record = json.loads(listed.stdout)[0]
    assert record["original_name"] == SHOWN
