"""Numbered schema migrations of the receiver (SQL files per back end; see central.migrate)."""
