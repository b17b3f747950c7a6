"""A clinic's kiosk and its rules: a folder per client's case, slowing down guesses, and
where what a person makes is saved (and cleared from the kiosk's own disk at each lock)."""
