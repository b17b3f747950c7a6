"""No traceback and no local variables, ever: an error nobody foresaw ends the app with one
plain sentence (or, on a kiosk, goes back to the neutral start)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Static

from tests.support.pilot import SIZE
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.screens.kiosk import ChooseCaseScreen
from tui.unforeseen import STARTED_AGAIN, UNFORESEEN


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(kiosk_cases_dir=tmp_path / "kiosk-cases")


SECRET = "what-she-wrote-about-him"

#: An app whose first screen fails as it is drawn, with a secret in a local variable.
FAILING_APP = textwrap.dedent(
    f"""
    from pathlib import Path
    from textual.screen import Screen
    from tui.app import ReclaimApp

    class Failing(Screen):
        def on_mount(self):
            account = {SECRET!r}
            raise ValueError("cannot write " + account)

    class App(ReclaimApp):
        def show_start(self):
            self.push_screen(Failing())

    app = App(Path("nowhere"))
    app.run(headless=True, size=(80, 24))
    raise SystemExit(app.return_code)
    """
)


def test_an_unforeseen_error_prints_one_sentence_and_no_locals(tmp_path: Path):
    script = tmp_path / "failing.py"
    script.write_text(FAILING_APP)
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parent.parent,
    )
    said = done.stdout + done.stderr
    assert done.returncode == 1
    assert SECRET not in said
    assert "Traceback" not in said and "ValueError" not in said
    assert UNFORESEEN in " ".join(said.split())


class FailsOnKey(Screen[None]):
    def compose(self):
        yield Static("A client's form")

    def on_key(self) -> None:
        account = SECRET
        raise ValueError(account)


async def test_on_a_kiosk_an_unforeseen_error_goes_back_to_the_neutral_start(
    settings: Settings,
):
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ChooseCaseScreen)
        app.push_screen(FailsOnKey())
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, ChooseCaseScreen)
        assert len(app.screen_stack) == 2  # the default screen under the neutral start


async def test_a_kiosk_started_again_says_so(settings: Settings):
    from tests.support.pilot import said

    app = ReclaimApp(Path(), settings, kiosk=True)
    app.started_again = True
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChooseCaseScreen)
        assert STARTED_AGAIN in said(app)


def test_a_kiosk_whose_app_ended_on_an_unforeseen_error_starts_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    """The app's own loop can't go on after such an error: the terminal app starts a
    fresh kiosk (the neutral start) instead of leaving the client at a shell."""
    from tui.cli import main
    from tui.cli.stop_signals import StopOnSignal

    runs: list[ReclaimApp] = []

    def run(_stop: StopOnSignal, app: ReclaimApp) -> int:
        runs.append(app)
        if len(runs) == 1:
            app.unforeseen = True
            return 1
        return 0

    monkeypatch.setattr(StopOnSignal, "run", run)
    # The test's output is no terminal, where Reclaim would suggest plain mode instead.
    monkeypatch.setattr("tui.cli.terminal_app.plain_hint", lambda: "")
    assert main(["--kiosk", "--vault", str(tmp_path / "case")]) == 0
    assert len(runs) == 2
    assert runs[1].kiosk and runs[1].started_again and not runs[0].started_again


def test_an_app_that_ended_on_an_unforeseen_error_gives_a_failing_exit_status():
    """Found walking the kiosk: after the last restart the terminal app returned 0, so a
    kiosk wrapper that restarts Reclaim when it fails would have left the client at a
    shell. The app's own status (1 after such an error) is passed on."""
    from tui.cli.stop_signals import StopOnSignal

    class Ended:
        def __init__(self, status: int | None) -> None:
            self.return_code = status

        async def run_async(self) -> None:
            return None

    with StopOnSignal(lambda: None) as stop:
        assert stop.run(Ended(1)) == 1  # type: ignore[arg-type]
        assert stop.run(Ended(None)) == 0  # type: ignore[arg-type]
