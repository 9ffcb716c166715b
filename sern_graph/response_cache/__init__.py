"""The response cache: whole GraphQL responses of public query operations, kept until a content
event changes something they read (see docs/caching.md).

Submodules are imported directly (`sern_graph.response_cache.cache`, ...): `db.py` needs the
statement observer without pulling in the domains."""
