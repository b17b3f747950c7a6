"""Declarations the person can sign: per place, a statement drafted from the case that
produces its exhibits with their SHA-256 and where each came from (`kinds` holds each
form's wording with its source, `drafting` the draft, `files` writing it out)."""

# i18n: left in English on purpose (issue 29): the sworn formulas are prescribed by law
# (28 U.S.C. § 1746 and the like) and need a legal review before any translation.
