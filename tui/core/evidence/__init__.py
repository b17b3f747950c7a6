"""Evidence: exhibits in the case (`exhibits`), taking files in (`intake`), what each file
is and how it is shown and printed (`formats`), previews, stitching and completeness."""
