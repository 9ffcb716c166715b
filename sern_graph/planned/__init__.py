"""The planned read path: query operations executed without graphql-core's per-field overhead."""
