"""Locking down accounts: the per-platform checklists and the person's progress through them."""
