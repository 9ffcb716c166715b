"""Bounds on what one request may ask of the server: document size and shape, estimated cost,
execution time and body size. Each refusal is a GraphQL error whose `extensions.code` names the
limit (`errors.py`)."""
