"""Service functions: take a session, never commit, return plain data."""
