"""Emulated devices on pseudo-terminals (modems replaying real transcripts, NMEA receivers) for tests and demo."""
