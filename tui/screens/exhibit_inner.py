"""The exhibit screen's Ctrl+F: the files inside the exhibit (a document's pictures, an
email's or a PDF's attachments) listed with a box each (`tui.dialogs.inner_files`), and
those ticked taken in as exhibits of their own. Reading the exhibit and taking the files
in run in a thread; what happened is said in a notification."""

from __future__ import annotations

import asyncio

from textual.screen import Screen

from tui.core.evidence.model import Exhibit
from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError, explain
from tui.core.shared.i18n import _
from tui.core.vault.vault import Vault
from tui.dialogs.inner_files import InnerFilesDialog, result_words
from tui.screens.case import case_is_open, open_case


def take_inner_files(screen: Screen[None], exhibit_id: str) -> None:
    """List the files inside the exhibit, ask which to take in, and take them in."""
    from tui.core.evidence.inner_exhibits import add_inner, inner_choices
    from tui.screens.provenance_form import taken_in_by

    async def flow() -> None:
        vault = open_case(screen)
        by = taken_in_by(vault)
        try:
            choices = await asyncio.to_thread(inner_choices, vault, exhibit_id)
        except (ReclaimError, OSError) as error:
            screen.notify(explain(error, _("reading the files inside it")), severity="warning")
            return
        if not choices:
            screen.notify(_("{id} holds no files that can be taken out.").format(id=exhibit_id))
            return
        wanted = await screen.app.push_screen_wait(InnerFilesDialog(exhibit_id, choices))
        if not wanted or not case_is_open(screen):
            return
        try:
            result = await asyncio.to_thread(add_inner, vault, exhibit_id, wanted, by)
        except (ReclaimError, OSError) as error:
            screen.notify(explain(error, _("taking the files in")), severity="error")
            return
        if result.problems:
            screen.notify(result_words(result), severity="warning", timeout=10)
        else:
            screen.notify(result_words(result), timeout=10)

    screen.run_worker(flow(), group="inner-files", exclusive=True, exit_on_error=False)


def inner_text(vault: Vault, exhibit: Exhibit) -> list[str]:
    """For the side panel: how the exhibit holds or is held by others (an attachment
    that is another exhibit, the exhibit it was taken out of)."""
    from tui.core.evidence.inner_links import InnerLinks
    from tui.core.evidence.model import list_exhibits

    links = InnerLinks(list_exhibits(vault)).lines(exhibit)
    return [
        _("{label}: {value}").format(label=shown(label), value=shown(text))
        for label, text in links
    ]
