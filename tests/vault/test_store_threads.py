"""A screen reads the case while background work saves to it (reading pictures, adding
files), on another thread of the same process: the reader waits for each save and never
sees a half-appended entry (which it took for damage) or another thread's unsaved
changes."""

from __future__ import annotations

import threading

from tui.core.vault.vault import Vault


def test_reading_while_another_thread_saves_never_sees_damage_or_unsaved_changes(
    vault: Vault,
):
    table = vault.table("notes")
    saves, problems, done = 150, [], threading.Event()

    def save() -> None:
        try:
            for number in range(saves):
                with vault.transaction():
                    table.insert({"n": number, "text": "x" * 2000})
                    table.insert({"n": number, "text": "second half of the same save"})
        except BaseException as error:  # said below, never lost in the thread
            problems.append(error)
        finally:
            done.set()

    worker = threading.Thread(target=save)
    worker.start()
    seen = 0
    try:
        while not done.is_set():
            count = len(table)
            assert count % 2 == 0, "never half a save"
            seen = max(seen, count)
    finally:
        worker.join(30)
    assert problems == []
    assert len(table) == 2 * saves and seen <= 2 * saves
