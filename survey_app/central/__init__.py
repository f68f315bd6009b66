"""The reference central receiver (optional extra survey-app[central]: FastAPI + uvicorn)."""
