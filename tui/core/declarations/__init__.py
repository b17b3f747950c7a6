"""Declarations the person can sign: per place, a statement drafted from the case that
produces its exhibits with their SHA-256 and where each came from (`kinds` holds each
form's wording with its source, `drafting` the draft, `files` writing it out). Each is
written in the language of who reads it where its law allows, with a copy to read where
it does not (see `kinds`)."""
