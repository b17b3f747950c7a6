"""A clinic's kiosk and its rules: a folder per client's case, slowing down guesses, the
only places a client may read from and write to (doors.py, decided on resolved paths and
the system's mounts, mounts.py), and where what a person makes is saved (and cleared from
the kiosk's own disk at each lock)."""
