"""Metrics at /metrics (Prometheus), structured logs and the access log."""
