"""New passwords: judging strength, making passphrases, the accounts changed, password managers."""
