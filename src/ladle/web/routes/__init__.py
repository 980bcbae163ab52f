"""The web app's routes: ``pages`` (HTML), ``api`` (JSON under /api), ``auth`` (signing in)."""
