"""What happened, in order: dated events, and the person's written account."""
