"""Pure parsers of AT responses: text in, a dict of SignalReading fields out, or ParseError."""
from survey_app.devices.parsers.common import ParseError

__all__ = ["ParseError"]
