"""Where the person lives: the jurisdiction packs and the case's place."""
