"""Ingest: read analysts' files, validate them, and commit them as versioned uploads."""
