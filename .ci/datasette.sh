#!/usr/bin/env bash
# Datasette serves a statusdb database with its descriptions: builds the
# database and its metadata.json, then asks Datasette's JSON API for the
# "202 vs 403" page in Russian and for the table descriptions.
#
#   .ci/datasette.sh          (needs python3 with venv)
#
# Datasette comes from PyPI into a virtualenv, installed once and reused:
# DATASETTE_VENV (default target/datasette-venv).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${DATASETTE_VENV:-target/datasette-venv}
if [ ! -x "$venv/bin/datasette" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet datasette
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --locked --quiet --release -- build \
    --out "$work/statusdb.sqlite" --datasette-metadata "$work/metadata.json" > /dev/null

get() {
    "$venv/bin/datasette" "$work/statusdb.sqlite" -m "$work/metadata.json" --get "$1"
}
page=$(get '/statusdb/pair_comparison.json?locale=ru&code_a=202&code_b=403&_shape=array')
meta=$(get '/-/metadata.json')
"$venv/bin/python" - "$page" "$meta" <<'PY'
import json, sys
rows = json.loads(sys.argv[1])
assert len(rows) == 1, f"expected one row, got {rows!r}"
title = rows[0]["title"]
assert title == "HTTP 202 Accepted и 403 Forbidden: в чём разница", title
assert rows[0]["heading_description"] == "Описание", rows[0]["heading_description"]
tables = json.loads(sys.argv[2])["databases"]["statusdb"]["tables"]
assert tables["pair_comparison"]["description"].startswith("The page comparing two codes"), tables["pair_comparison"]
assert tables["code_text"]["columns"]["how_to_fix"] == "what to do about it"
print(f"datasette: {title} (served with {len(tables)} described tables and views)")
PY
