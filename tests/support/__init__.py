"""Helpers the tests share: case builders, pictures, the CLI runner, Pilot helpers."""
