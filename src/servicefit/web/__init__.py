"""The web application: recruiter pages, candidate pages and the JSON API (FastAPI)."""
