"""Behaviour tests of the public read API, through HTTP, against the seeded session database."""
