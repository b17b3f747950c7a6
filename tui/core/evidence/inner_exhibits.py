"""Files inside an exhibit (a document's pictures, a PDF's or an email's attachments, a
zip's members) taken into the case as exhibits of their own.

The container is read from its stored original, never from the person's disk again;
its format says what it holds (`formats.inner_files.Holder`). Each file taken out goes
through the normal intake (its own format, facts and binder page) and keeps where it
came from: the container's number, name and SHA-256 and its place inside
(`taken_from`, in the record and in its intake's custody entry). It inherits the
container's provenance: whoever captured the email captured its attachment too. A file
that can't be read (damaged, too large) is named with the reason; the others go on."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from tui.core.evidence import formats
from tui.core.evidence.adding import discard_staged, record_staged, stage_bytes
from tui.core.evidence.formats.base import Probe, Unreadable, a_kind
from tui.core.evidence.formats.inner_files import Holder, Inner
from tui.core.evidence.model import TABLE, Exhibit, get_exhibit
from tui.core.evidence.original import open_original
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _
from tui.core.vault.vault import Vault


@dataclass(frozen=True)
class InnerChoice:
    """One file inside an exhibit, as offered to be taken in."""

    where: str
    """Its place in the container (a path, an attachment's key or number)."""
    name: str
    size: int
    sha256: str
    """'' when it can't be read (damaged, or too large to read here)."""
    already: str = ""
    """The exhibit that already holds these exact bytes, '' when none does."""

    @property
    def readable(self) -> bool:
        return bool(self.sha256) and not self.sha256.startswith("(")


@dataclass
class InnerResult:
    added: list[Exhibit] = field(default_factory=list)
    already: list[tuple[str, Exhibit]] = field(default_factory=list)
    """(the inner file's name, the exhibit that already holds its bytes)."""
    problems: list[str] = field(default_factory=list)
    """One sentence per file that could not be taken in."""


#: What the files taken out at once may come to in memory (each is staged, encrypted,
#: before the next group is read).
BATCH_BYTES = 64 * 1024 * 1024


class NothingInside(InputError):
    """An exhibit of a kind that holds no files (or holds none now)."""


@contextmanager
def _holder(vault: Vault, exhibit: Exhibit) -> Iterator[tuple[Holder, Probe]]:
    with open_original(vault, exhibit) as original:
        probe = Probe(original, exhibit.original_name, exhibit.size)
        handler = formats.identify(probe)
        if not isinstance(handler, Holder):
            raise NothingInside(
                _("{id} is {a_kind}; it holds no files that can be taken out.").format(
                    id=exhibit.id, a_kind=a_kind(handler.kind)
                )
            )
        yield handler, probe


def _inside(vault: Vault, exhibit: Exhibit, take: Collection[str] = ()) -> list[Inner]:
    with _holder(vault, exhibit) as (handler, probe):
        try:
            return handler.inside(probe, take)
        except Unreadable as why:
            raise InputError(
                _("The files inside {id} can't be read: {why}").format(id=exhibit.id, why=why)
            ) from None


def inner_choices(vault: Vault, exhibit_id: str) -> list[InnerChoice]:
    """The files inside one exhibit, each with the exhibit already holding its bytes."""
    exhibit = get_exhibit(vault, exhibit_id)
    inner = _inside(vault, exhibit)
    known = {record["sha256"]: record["id"] for record in vault.table(TABLE).all()}
    return [
        InnerChoice(each.where, each.name, each.size, each.sha256, known.get(each.sha256, ""))
        for each in inner
    ]


def _chosen(inner: list[Inner], names: Collection[str] | None) -> tuple[list[Inner], list[str]]:
    """The inner files asked for (by place or by name; all when `names` is None), and
    the names that match none."""
    if names is None:
        return list(inner), []
    chosen: list[Inner] = []
    unknown: list[str] = []
    for name in names:
        found = [each for each in inner if name in (each.where, each.name)]
        if not found:
            unknown.append(name)
        chosen += [each for each in found if each not in chosen]
    return chosen, unknown


def _batches(chosen: list[Inner]) -> Iterator[list[Inner]]:
    """The chosen files in groups whose listed sizes come to at most `BATCH_BYTES` (one
    larger file is a group of its own): a container is read once a group, and no more
    than a group's bytes are held at once."""
    batch: list[Inner] = []
    held = 0
    for each in chosen:
        if batch and held + each.size > BATCH_BYTES:
            yield batch
            batch, held = [], 0
        batch.append(each)
        held += each.size
    if batch:
        yield batch


def _with_bytes(
    vault: Vault, container: Exhibit, chosen: list[Inner]
) -> Iterator[tuple[Inner, Inner | None]]:
    """Each chosen file, and the same file with its bytes read (None when it is gone)."""
    for batch in _batches(chosen):
        read = {each.where: each for each in _inside(vault, container, {c.where for c in batch})}
        for each in batch:
            yield each, read.get(each.where)
        del read


def add_inner(
    vault: Vault,
    exhibit_id: str,
    names: Collection[str] | None = None,
    taken_in_by: str = "",
) -> InnerResult:
    """Take the named files inside an exhibit (all of them when `names` is None) into
    the case as exhibits of their own."""
    container = get_exhibit(vault, exhibit_id)
    listed = _inside(vault, container)
    chosen, unknown = _chosen(listed, names)
    result = InnerResult(
        problems=[
            _("There is no file called {name} inside {id}.").format(name=name, id=container.id)
            for name in unknown
        ]
    )
    if not chosen:
        if not listed:
            raise NothingInside(
                _("{id} holds no files that can be taken out.").format(id=container.id)
            )
        return result
    # Where the container came from is where its files came from (not what was only
    # guessed from the container's own bytes).
    inherited = {
        key: value
        for key, value in container.provenance.items()
        if key not in container.provenance_guesses
    }
    staged = []
    try:
        for each, found in _with_bytes(vault, container, chosen):
            if found is None or found.data is None:
                result.problems.append(
                    _(
                        "{name} inside {id} can't be read: it may be damaged or too large "
                        "to take out here."
                    ).format(name=each.name, id=container.id)
                )
                continue
            taken_from = {
                "exhibit": container.id,
                "name": container.original_name,
                "sha256": container.sha256,
                "where": each.where,
                "inner_name": each.name,
            }
            staged.append(
                stage_bytes(vault, found.data, each.name, inherited, taken_in_by, taken_from)
            )
        for item, outcome in zip(staged, record_staged(vault, staged), strict=True):
            if outcome.duplicate:
                result.already.append((item.name, outcome.exhibit))
            else:
                result.added.append(outcome.exhibit)
    finally:
        discard_staged(staged)
    return result
