"""The case and everything it knows. Nothing here imports Textual: the screens and the
command line are two thin faces over these calls."""
