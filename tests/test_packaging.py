"""The wheel carries what an installed Reclaim needs: the package and the checklists."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_the_wheel_ships_the_package_and_the_checklists(tmp_path: Path):
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("reclaim-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tui/cli/__init__.py" in names
    assert "tui/core/vault.py" in names
    styles = {f"tui/{p.relative_to(ROOT / 'tui')}" for p in (ROOT / "tui").rglob("*.tcss")}
    assert styles and styles <= names, "the app's styles ship with it"
    shipped = {name for name in names if name.startswith("tui/checklists/")}
    expected = {f"tui/checklists/{p.name}" for p in (ROOT / "checklists").iterdir() if p.is_file()}
    assert expected and expected <= shipped
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "reclaim = tui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
