"""Exports: PNGs through kaleido's warm server, and the meeting pack."""
