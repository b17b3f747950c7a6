"""A trusted time for the case, obtained offline: an RFC 3161 time-stamp request written to
a file, carried to any other device and sent to a public timestamp authority there, and
the authority's signed reply checked here and kept in the case. Reclaim never sends it."""
