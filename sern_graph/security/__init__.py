"""Protection of /graphql against abusive and cross-site callers: rate limits, CORS, the
content-type rule for POSTs, and security headers (wired up in `stack.py`)."""
