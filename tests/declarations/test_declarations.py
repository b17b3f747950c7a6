"""Declarations drafted from a case: per place, every exhibit with its full SHA-256 and
where it came from, the form's own words, no blank and no placeholder; a missing fact is
asked for, not left blank."""

from pathlib import Path

import pytest

from tests.support.pictures import make_png
from tui.core.declarations.drafting import draft, initials, save_facts
from tui.core.declarations.files import export_declaration
from tui.core.evidence.adding import add_file
from tui.core.evidence.provenance import update_provenance
from tui.core.shared.errors import InputError
from tui.core.takedowns.deadlines import set_case_place
from tui.core.takedowns.letter_needs import MissingFacts
from tui.core.vault.vault import Vault

PLACEHOLDERS = ("____", "[", "TODO", "None", "{", "}")


@pytest.fixture
def case(vault: Vault, tmp_path: Path) -> Vault:
    colours = ("teal", "red", "navy")
    hows = ("screenshot", "received", "data-download")
    for number, (colour, how) in enumerate(zip(colours, hows, strict=True), 1):
        add_file(vault, make_png(tmp_path / f"{number}.png", color=colour))
        update_provenance(
            vault,
            f"E-{number:04d}",
            {
                "captured_by": "Alex Morgan",
                "role": "self",
                "how": how,
                "app": "Instagram",
                **({"from_whom": "a friend, Dana"} if how == "received" else {}),
            },
        )
    save_facts(vault, name="Alex Morgan", address="12 Long Street, Hobart TAS 7000")
    return vault


def hashes(vault: Vault) -> list[str]:
    return [doc["sha256"] for doc in vault.table("exhibits").all()]


def clean(text: str) -> None:
    for mark in PLACEHOLDERS:
        assert mark not in text, f"{mark!r} in the draft"


def test_us_declaration_names_every_exhibit_and_has_1746s_words(case: Vault):
    declaration = draft(case, "us-1746")
    text = declaration.text
    for sha in hashes(case):
        assert f"SHA-256: {sha}" in text
    assert (
        "I declare under penalty of perjury under the laws of the United States of America "
        "that the foregoing is true and correct. Executed on "
    ) in text
    assert "902(14)" in text and "draft".upper() in text and "lawyer" in text
    assert "received from someone else" in text and "a friend, Dana" in text
    assert "https://www.law.cornell.edu/uscode/text/28/1746" in text
    clean(text)


def test_uk_statement_labels_exhibits_with_the_initials(case: Vault):
    with pytest.raises(MissingFacts) as asked:
        draft(case, "uk-s9")
    assert [need.key for need in asked.value.needs] == ["age"]
    save_facts(case, age="34")
    text = draft(case, "uk-s9").text
    assert initials("Alex Morgan") == "AM"
    for number, sha in enumerate(hashes(case), 1):
        assert f"Exhibit AM/{number} (Reclaim E-{number:04d})" in text
        assert sha in text
    assert "Age: over 18" in text
    assert (
        "is true to the best of my knowledge and belief and I make it knowing that, if it "
        "is tendered in evidence, I shall be liable to prosecution if I have wilfully "
        "stated in it anything which I know to be false, or do not believe to be true."
    ) in text
    clean(text)


def test_uk_case_not_saying_which_nation_says_where_scotland_and_ni_differ(case: Vault):
    set_case_place(case, "gb")
    save_facts(case, age="over 18")
    text = draft(case).text
    assert text.startswith("WITNESS STATEMENT OF ALEX MORGAN")
    assert "Northern Ireland" in text and "Scotland" in text
    clean(text)


def test_canadian_affidavit_and_australian_statutory_declaration(case: Vault):
    set_case_place(case, "ca")
    canada = draft(case).text
    assert canada.startswith("SOLEMN DECLARATION OF ALEX MORGAN")
    assert "ss. 31.1 to 31.8" in canada and "s. 31.3(a)" in canada
    # The Canada Evidence Act, s. 41's own form of words, opening and closing the facts.
    assert "I, Alex Morgan, of 12 Long Street, Hobart TAS 7000, solemnly declare that:" in canada
    assert (
        "I make this solemn declaration conscientiously believing it to be true, and "
        "knowing that it is of the same force and effect as if made under oath."
    ) in canada
    assert "commissioner for taking affidavits" in canada and "section-41" in canada
    set_case_place(case, "au")
    with pytest.raises(MissingFacts) as asked:
        draft(case)
    assert [need.key for need in asked.value.needs] == ["occupation"]
    save_facts(case, occupation="nurse")
    australia = draft(case).text
    assert (
        "I, Alex Morgan, 12 Long Street, Hobart TAS 7000, nurse, make the following "
        "declaration under the Statutory Declarations Act 1959:"
    ) in australia
    assert (
        "I understand that a person who intentionally makes a false statement in a "
        "statutory declaration is guilty of an offence under section 11 of the Statutory "
        "Declarations Act 1959, and I believe that the statements in this declaration are "
        "true in every particular."
    ) in australia
    assert "Statutory Declarations Regulations 2023" in australia
    for text in (canada, australia):
        for sha in hashes(case):
            assert sha in text
        clean(text)


def test_an_exhibit_without_provenance_is_asked_for_not_left_blank(case: Vault, tmp_path: Path):
    add_file(case, make_png(tmp_path / "4.png", color="gold"))
    with pytest.raises(MissingFacts) as asked:
        draft(case, "plain")
    assert [need.key for need in asked.value.needs] == ["provenance:E-0004"]
    assert "who captured E-0004 and how" in str(asked.value)


def test_no_name_is_asked_for(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "1.png"))
    with pytest.raises(MissingFacts) as asked:
        draft(vault, "plain")
    assert asked.value.needs[0].key == "name"
    with pytest.raises(InputError, match="not a kind of declaration"):
        draft(vault, "xx")


def test_written_as_text_docx_and_pdf(case: Vault, tmp_path: Path):
    declaration = draft(case, "us-1746")
    for suffix in ("txt", "docx", "pdf"):
        path = export_declaration(case, declaration, tmp_path / f"out.{suffix}")
        assert path.stat().st_size > 0
    assert (tmp_path / "out.txt").read_text() == declaration.text
    with pytest.raises(InputError, match="already"):
        export_declaration(case, declaration, tmp_path / "out.txt")
