"""Safe copies: the register of where copies are; backups made, checked and restored."""
