"""A made-up sample case for a first look (`reclaim --demo`). Everything in it is
invented; it lives in a temporary folder that the app removes on exit."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tui.core import keys
from tui.core.evidence.exhibits import add_file
from tui.core.vault import Vault

#: The demo's content is invented, so its key derivation can be quick.
DEMO_KDF = keys.Argon2Params(time_cost=1, memory_kib=8 * 1024, parallelism=1)
DEMO_PASSPHRASE = "sample case"  # noqa: S105 (made-up case, shown on screen)

SAMPLES = (
    {
        "name": "chat-1.png",
        "lines": ["alex_r: you'll regret leaving", "alex_r: everyone will see them", "(sample)"],
        "details": {
            "platform": "Instagram",
            "poster": "alex_r",
            "posted_at": "2024-03-02 22:41",
            "captured_at": "2024-03-03 08:15",
            "description": "Direct messages threatening to share photos",
            "significance": "Shows the threat, two days before the post",
        },
    },
    {
        "name": "post.png",
        "lines": ["alex_r posted a photo", "caption: 'look who it is'", "14 comments (sample)"],
        "details": {
            "platform": "Instagram",
            "url": "https://instagram.example/p/SAMPLE1",
            "poster": "alex_r",
            "posted_at": "2024-03-05 21:14",
            "captured_at": "2024-03-05 21:30",
            "caption": "look who it is",
            "description": "The post with the photo, username and date visible",
            "significance": "The image shared without consent",
        },
    },
    {
        "name": "Screenshot_20240306-093012.png",
        "lines": ["throwaway_8812 reposted", "'found this lol'", "(sample)"],
        "details": {
            "platform": "Reddit",
            "url": "https://reddit.example/r/sample/comments/abc",
            "poster": "throwaway_8812",
            "posted_at": "2024-03-06",
            "description": "A repost of the same photo on a forum",
        },
    },
    {
        "name": "friend-message.png",
        "lines": ["sam: someone sent me a link", "sam: I'm so sorry, call me", "(sample)"],
        "details": {
            "platform": "WhatsApp",
            "poster": "sam (a friend)",
            "posted_at": "2024-03-05 22:02",
            "captured_at": "2024-03-05 22:10",
            "description": "A friend telling me the post was going round",
        },
    },
)


def _picture(lines: list[str], path: Path, hue: int) -> None:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (540, 360), (240, 242, 245))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=22)
    draw.rectangle((0, 0, 540, 48), fill=(hue, 90, 160))
    draw.text((16, 12), "SAMPLE - made up for the demo", fill="white", font=font)
    for row, line in enumerate(lines):
        top = 80 + row * 80
        draw.rounded_rectangle((24, top, 516, top + 56), radius=16, fill="white")
        draw.text((40, top + 16), line, fill=(30, 30, 30), font=font)
    image.save(path, "PNG")


def create_demo_case(root: Path | None = None) -> Vault:
    """Build the sample case in a new temporary folder and return it, unlocked."""
    base = Path(root or tempfile.mkdtemp(prefix="reclaim-demo-"))
    vault, _code = Vault.create(base / "case", DEMO_PASSPHRASE, DEMO_KDF)
    drafts = base / "drafts"
    drafts.mkdir(mode=0o700)
    for index, sample in enumerate(SAMPLES):
        source = drafts / str(sample["name"])
        _picture(list(sample["lines"]), source, hue=60 + 40 * index)
        add_file(vault, source, dict(sample["details"]))  # type: ignore[arg-type]
    shutil.rmtree(drafts)
    _tick_half_the_checklists(vault)
    _passwords(vault)
    _timeline(vault)
    _takedowns(vault)
    return vault


def _takedowns(vault: Vault) -> None:
    """One request sent long ago and never answered (so it shows as overdue), one drafted."""
    from tui.core.takedowns import add_request, update_request

    sent = add_request(vault, "meta", ["https://instagram.example/p/sample"], ["E-0002"])
    update_request(vault, sent.id, status="submitted", reference="IG-2026-118")
    # Sent at a fixed moment in UTC (not local time), so the demo reads the same anywhere.
    vault.table("takedowns").update({"sent_at": "2026-06-01T10:00:00Z"})
    add_request(vault, "reddit", ["https://reddit.example/r/sample/1"], ["E-0003"])


def _timeline(vault: Vault) -> None:
    from tui.core.timeline import add_event, save_person

    save_person(vault, "Sam Okafor", "sam@example.org", "friend")
    save_person(vault, "Dana Reyes", "", "colleague")
    add_event(
        vault,
        "about 2023",
        "Alex took photos during our relationship",
        details="Alex took private photos of me and kept them. I never agreed to them "
        "being shared.",
    )
    add_event(
        vault,
        "February 2024",
        "We broke up",
        response="I ended the relationship and stopped replying to Alex.",
        witnesses=["Sam Okafor"],
    )
    add_event(
        vault,
        "2024-03-02 22:41",
        "Alex threatened to share the photos",
        details="Alex sent direct messages saying everyone would see the photos.",
        response="I took screenshots and told Sam.",
        place="Instagram",
        witnesses=["Sam Okafor"],
        evidence=["E-0001"],
    )
    add_event(
        vault,
        "2024-03-05 21:14",
        "The photo was posted",
        details="alex_r posted one of the photos with the caption 'look who it is'.",
        response="I saved the post and reported it to Instagram.",
        place="Instagram",
        witnesses=["Sam Okafor", "Dana Reyes"],
        evidence=["E-0002", "E-0004"],
    )
    add_event(
        vault,
        "2024-03-06",
        "The photo was reposted on a forum",
        place="Reddit",
        evidence=["E-0003"],
    )


def _passwords(vault: Vault) -> None:
    from tui.core import accounts, profile

    profile.save(
        vault,
        profile.Profile(names=["Jordan Lee", "Jo"], pets=["Biscuit"], dates=["1994-07-12"]),
    )
    accounts.record_account(vault, "Gmail", "email", "2024-03-06", two_step=True)
    accounts.record_account(vault, "Instagram", "social media", "2024-03-06")
    accounts.record_account(vault, "iCloud", "cloud")


#: The sample person's accounts; about half of each list is done.
DEMO_ACCOUNTS = ("accounts-security", "instagram", "whatsapp", "reddit")


def _tick_half_the_checklists(vault: Vault) -> None:
    from tui.core.checklists import find
    from tui.core.lockdown import set_mine, set_not_relevant, tick

    for checklist_id in DEMO_ACCOUNTS:
        checklist = find(checklist_id)
        set_mine(vault, checklist, True)
        for step in checklist.steps[: len(checklist.steps) // 2]:
            tick(vault, checklist, step.id, anyway=True)
    set_not_relevant(vault, find("tumblr"), True)


def remove_demo_case(vault: Vault) -> None:
    vault.close()
    shutil.rmtree(vault.path.parent, ignore_errors=True)
