"""Declarations the person can sign: per place, a statement drafted from the case that
produces its exhibits with their SHA-256 and where each came from (`kinds` holds each
form's wording with its source, `drafting` the draft, `files` writing it out)."""
