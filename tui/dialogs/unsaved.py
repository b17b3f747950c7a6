"""The question asked when a changed form is left with Escape: Save, Keep editing or
Discard; or, when what is in the form can't be saved as it is, only Keep editing or
Discard, with the reason. Nothing is ever saved without the person choosing Save, and a
form can always be left."""

from __future__ import annotations

from tui.dialogs.choice import ChoiceDialog


def unsaved_changes(
    what: str, problem: str | None, after: str, discard: str = "Discard changes"
) -> ChoiceDialog:
    """`what`: the form's subject ("E-0001", "this event"); `problem`: why it can't be
    saved, or None; `after`: what Discard leaves, in one sentence. The answers' keys are
    "save", "keep" and "discard" (Escape answers None: keep editing)."""
    if problem is None:
        return ChoiceDialog(
            f"Save the changes to {what}?",
            f"Save keeps what you typed. Keep editing goes back to the form. {after}",
            [("save", "Save"), ("keep", "Keep editing"), ("discard", discard)],
        )
    return ChoiceDialog(
        f"{what[0].upper()}{what[1:]} can't be saved as it is.",
        f"{problem}\n\nKeep editing to put it right. {after}",
        [("keep", "Keep editing"), ("discard", discard)],
    )
