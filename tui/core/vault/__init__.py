"""The encrypted case folder: header and keys, the sealed record, blobs, the custody log,
changing keys."""
