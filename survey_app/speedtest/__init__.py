"""Speed tests (Qt-free): LibreSpeed and legacy Ookla HTTP engines sharing one measurement method."""
