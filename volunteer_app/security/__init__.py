"""Operators, roles, permission checks and the audit log."""
