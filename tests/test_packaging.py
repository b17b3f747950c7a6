"""The wheel carries what an installed Reclaim needs: the package and the checklists."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(folder)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = folder.glob("reclaim-*.whl")
    return built


def test_the_wheel_ships_the_package_and_the_checklists(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tui/cli/__init__.py" in names
    assert "tui/core/vault/vault.py" in names
    assert {"tui/fonts/DejaVuSans.ttf", "tui/fonts/DejaVuSans-Bold.ttf"} <= names, "binder font"
    assert "tui/fonts/LICENSE-DejaVu.txt" in names
    fonts = {
        "NotoSansCJKsc-Regular.otf",
        "NotoSansArabic-Regular.ttf",
        "NotoEmoji-Regular.ttf",
        "NotoSansHebrew-Regular.ttf",
        "NotoSansDevanagari-Regular.ttf",
        "LICENSE-Noto.txt",
    }
    assert {f"tui/fonts/{name}" for name in fonts} <= names, "every script's face"
    assert wheel.stat().st_size < 60 * 1024 * 1024, "the fonts are chosen with care"
    styles = {f"tui/{p.relative_to(ROOT / 'tui')}" for p in (ROOT / "tui").rglob("*.tcss")}
    assert styles and styles <= names, "the app's styles ship with it"
    shipped = {name for name in names if name.startswith("tui/checklists/")}
    expected = {
        f"tui/checklists/{p.relative_to(ROOT / 'checklists')}"
        for p in (ROOT / "checklists").rglob("*")
        if p.is_file()
    }
    assert expected and expected <= shipped
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "reclaim = tui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_an_installed_wheel_finds_its_checklists_away_from_the_source_tree(
    wheel: Path, tmp_path: Path
):
    """A real (non-editable) install, run from elsewhere: the checklists come from the
    installed package, not from this checkout."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
         "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    code = (
        "import json, tui.core.shared.paths as p, tui.core.privacy.checklists as c; "
        "print(json.dumps([str(p.checklists_dir()), [x.id for x in c.shipped()]]))"
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    folder, ids = json.loads(done.stdout)
    assert Path(folder) == target / "tui" / "checklists"
    expected = sorted(p.stem for p in (ROOT / "checklists" / "privacy").glob("*.toml"))
    assert sorted(ids) == expected
