"""Build steps for the standalone app: PyInstaller bundle, archive, smoke test of the frozen app."""
