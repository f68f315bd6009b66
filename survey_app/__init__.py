"""Huế connectivity survey app: speed tests, modem signal, household questionnaires, review and sync."""

__version__ = "0.1.0"
APP_NAME = "survey-app"
