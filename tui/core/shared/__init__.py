"""What every part of the case uses: errors, the clock, dates, safe terminal text,
file-system guards, where shipped data lives."""
