#!/usr/bin/env bash
# Import scaling (issue 15): N reference messages in one file, timed.
#
#   benches/import_scaling.sh BIN N            # the locale has msg-0 only: import adds N-1 messages
#   benches/import_scaling.sh BIN N OBSOLETE   # the locale has all N plus OBSOLETE obsolete
#                                              # messages; each obsolete row is edited, then re-imported
#
# ATTRS=1 gives every message a `.title` attribute too.
set -euo pipefail
bin=$(realpath "$1"); n=$2; obs=${3:-0}
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
mkdir -p "$d/locales/en" "$d/locales/ru"
cd "$d"
python3 - "$n" "$obs" "${ATTRS:-0}" <<'PY'
import sys
n, obs, attrs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
at = "\n    .title = Title {i}" if attrs else ""
rt = "\n    .title = Zag {i}" if attrs else ""
with open("locales/en/big.ftl", "w") as f:
    for i in range(n): f.write(f"msg-{i} = Hello {i} {{ $name }}" + at.format(i=i) + "\n")
with open("locales/ru/big.ftl", "w") as f:
    if obs == 0:
        f.write("msg-0 = Privet 0 { $name }\n")
    else:
        for i in range(n): f.write(f"msg-{i} = Privet {i} {{ $name }}" + rt.format(i=i) + "\n")
        for i in range(obs): f.write(f"old-{i} = Staroe {i}\n")
PY
/usr/bin/time -f "export: %e s wall, %U s user, %M KiB" "$bin" export --locale ru --out ru.csv > /dev/null
# New: translate every missing row. Obsolete: edit each obsolete row, so
# each one is checked against the file (an unchanged row is skipped).
python3 - <<'PY'
import csv
rows = list(csv.reader(open("ru.csv", newline="")))
h = rows[0]; t = h.index("translation"); r = h.index("reference"); s = h.index("status")
for row in rows[1:]:
    if not row[t]: row[t] = "RU " + row[r]
    if row[s] == "obsolete": row[t] += " (edited)"
csv.writer(open("ru.csv", "w", newline="")).writerows(rows)
PY
/usr/bin/time -f "import n=$n obs=$obs attrs=${ATTRS:-0}: %e s wall, %U s user, %M KiB" "$bin" import ru.csv --locale ru > out.txt || { tail -3 out.txt; }
tail -1 out.txt
