"""PySide6 desktop layer of the volunteer brigade scheduler (talks to the core through services)."""
