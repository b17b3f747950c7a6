"""One Textual screen per wizard step, plus unlock, create, home and safety."""
