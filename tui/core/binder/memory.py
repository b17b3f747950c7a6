"""Memory the binder frees goes back to the system, so that its peak stays within bounds.

glibc's allocator keeps a freed block of up to 32 MiB for reuse rather than return it (its
threshold for mapping a block of its own rises to the largest block freed, up to 32 MiB).
The binder decodes one picture after another, each a few tens of MiB, with fonts,
pages and other data allocated in between: the freed pictures stay in the process as
holes between them. A binder of the shared corpus of real files held 250 MiB of such
holes at its end, more than the memory it was using. A fixed threshold of 1 MiB maps
every larger block by itself, and returns it to the system when it is freed.

The setting is the whole process's allocator's, and harmless to every other part of it
(a large block costs a mapping; small ones are as before). Elsewhere than glibc nothing
is changed."""

from __future__ import annotations

import ctypes
import functools
import platform

#: mallopt's parameter for the size from which a block is mapped by itself.
M_MMAP_THRESHOLD = -3
#: Blocks from this size on are mapped by themselves and returned to the system when freed.
MAPPED_FROM = 1 << 20


@functools.cache
def return_freed_memory() -> bool:
    """Have large freed blocks returned to the system from now on (once a process).
    True where it was done (glibc); False elsewhere."""
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, MAPPED_FROM))
    except (OSError, AttributeError):
        return False
