"""A clinic's kiosk: a folder per client's case, and slowing down guesses."""
