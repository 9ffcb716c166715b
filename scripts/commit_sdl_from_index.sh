#!/usr/bin/env bash
# Regenerates schema/schema.graphql from what is staged (not the work tree) and stages it:
# lets one commit a consistent SDL while other, unstaged work is in progress.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
git checkout-index -a --prefix="$scratch/"
(cd "$scratch" && PYTHONPATH="$scratch" "$OLDPWD/.venv/bin/python" -m sern_graph export-schema --output "$scratch/schema/schema.graphql" >/dev/null)
blob=$(git hash-object -w "$scratch/schema/schema.graphql")
git update-index --add --cacheinfo 100644 "$blob" schema/schema.graphql
echo "Staged schema/schema.graphql from the index ($blob)."
