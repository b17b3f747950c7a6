"""The states a takedown request moves through. A module of its own, with no imports, so
that the command line's parser can list them without loading the tracker and all it
needs (which would slow every `reclaim` command)."""

STATUSES = ("drafted", "submitted", "acknowledged", "removed", "refused", "escalated")
#: Sent, and not yet answered.
WAITING = frozenset({"submitted", "acknowledged"})
