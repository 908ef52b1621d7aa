#!/usr/bin/env bash
# Real translation clients read what `statusdb export` writes, and what they
# write imports back with exactly the intended changes.
#   gettext (Debian `gettext`): msgfmt --check-format -c accepts every PO.
#   translate-toolkit (PyPI): pocount reads it; po2xliff + xliff2po round trip
#   it; its Python API edits it, and reads and edits our XLIFF 1.2 and 2.1.
#   xmllint (Debian `libxml2-utils`): every XLIFF is valid against the OASIS XSD
#   of its version. The XSDs come from Debian's php-symfony-translation package
#   (Resources/schemas: xliff-core-1.2-strict.xsd, xliff-core-2.0.xsd, which
#   XLIFF 2.1 core also uses, and xml.xsd), unpacked, not installed.
# Installed idempotently: apt packages only when their tools are missing, the
# venv only when it lacks translate-toolkit (TRANSLATE_TOOLKIT_VENV reuses one),
# the schemas only when the cache lacks them.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v msgfmt >/dev/null || ! command -v xmllint >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext libxml2-utils >/dev/null
fi
venv=${TRANSLATE_TOOLKIT_VENV:-$HOME/.cache/statusdb-ci/translate-toolkit}
if [ ! -x "$venv/bin/po2xliff" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q 'translate-toolkit==3.20.4'
fi

schemas=${XLIFF_SCHEMAS:-$HOME/.cache/statusdb-ci/xliff-schemas}
if [ ! -f "$schemas/xliff-core-2.0.xsd" ]; then
    tmp=$(mktemp -d)
    (cd "$tmp" && apt-get download php-symfony-translation >/dev/null 2>&1 || { apt-get update -qq && apt-get download php-symfony-translation >/dev/null; })
    dpkg -x "$tmp"/php-symfony-translation_*.deb "$tmp/x"
    mkdir -p "$schemas"
    cp "$tmp"/x/usr/share/php/Symfony/Component/Translation/Resources/schemas/*.xsd "$schemas/"
    rm -rf "$tmp"
    # Point the imports of xml.xsd at the local copy: CI has no network.
    sed -i 's#schemaLocation="http://www.w3.org/2001/xml.xsd"#schemaLocation="xml.xsd"#' "$schemas/xliff-core-1.2-strict.xsd"
    sed -i 's#schemaLocation="informativeCopiesOf3rdPartySchemas/w3c/xml.xsd"#schemaLocation="xml.xsd"#' "$schemas/xliff-core-2.0.xsd"
fi

cargo build --locked --quiet --release
statusdb=$PWD/target/release/statusdb
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Our own locales and the transfer fixture (plurals, attributes, terms, CRLF, BOM).
mkdir -p "$work/ours" "$work/fixture"
cp -r locales/. "$work/ours/"
cp -r tests/fixtures/transfer/. "$work/fixture/"

for tree in ours fixture; do
    dir=$work/$tree
    before=$(cd "$dir" && find . -type f -name '*.ftl' -exec sha256sum {} + | sort)
    "$statusdb" export --locale ru --locales "$dir" --format po --out "$dir/ru.po" 2>/dev/null
    echo "-- $tree: msgfmt --check-format -c"
    warnings=$(msgfmt --check-format -c -o /dev/null "$dir/ru.po" 2>&1) || { echo "$warnings"; exit 1; }
    [ -z "$warnings" ] || { echo "FAIL: msgfmt warns:"; echo "$warnings"; exit 1; }
    echo "-- $tree: pocount"
    "$venv/bin/pocount" --short "$dir/ru.po"
    echo "-- $tree: po2xliff, xliff2po, import: nothing changes"
    "$venv/bin/po2xliff" -i "$dir/ru.po" -o "$dir/ru.xlf" >/dev/null 2>&1
    "$venv/bin/xliff2po" -i "$dir/ru.xlf" -o "$dir/back.po" >/dev/null 2>&1
    out=$("$statusdb" import "$dir/back.po" --locale ru --locales "$dir" 2>&1)
    echo "$out"
    case $out in *"updated 0, added 0,"*"refused 0"*) ;; *) echo "FAIL: the round trip changed something"; exit 1 ;; esac
    after=$(cd "$dir" && find . -type f -name '*.ftl' -exec sha256sum {} + | sort)
    [ "$before" = "$after" ] || { echo "FAIL: a file changed"; exit 1; }
done

for tree in ours fixture; do
    dir=$work/$tree
    echo "-- $tree: XLIFF valid against the OASIS schemas, read by translate-toolkit, back unchanged"
    "$statusdb" export --locale ru --locales "$dir" --format xliff --out "$dir/v12.xlf" 2>/dev/null
    "$statusdb" export --locale ru --locales "$dir" --format xliff2 --out "$dir/v21.xlf" 2>/dev/null
    xmllint --noout --nonet --schema "$schemas/xliff-core-1.2-strict.xsd" "$dir/v12.xlf"
    xmllint --noout --nonet --schema "$schemas/xliff-core-2.0.xsd" "$dir/v21.xlf"
    "$venv/bin/pocount" --short "$dir/v12.xlf"
    "$venv/bin/xliff2po" -i "$dir/v12.xlf" -o "$dir/v12.po" >/dev/null 2>&1
    "$venv/bin/python" -c "from translate.storage import xliff2; xliff2.Xliff2File.parsefile('$dir/v21.xlf')"
    for file in v12.xlf v21.xlf; do
        out=$("$statusdb" import "$dir/$file" --locale ru --locales "$dir" 2>&1)
        echo "$out"
        case $out in *"updated 0, added 0,"*"refused 0"*) ;; *) echo "FAIL: $file changed something"; exit 1 ;; esac
    done
done

echo "-- fixture: XLIFF 1.2 and 2.1 edited with translate-toolkit's Python API, imported exactly"
dir=$work/fixture
for file in v12.xlf v21.xlf; do
    cp -r "$dir/ru" "$dir/ru.saved"
    "$venv/bin/python" - "$dir/$file" <<'PY'
import sys
from translate.storage import xliff, xliff2
path = sys.argv[1]
store = (xliff2.Xliff2File if path.endswith("v21.xlf") else xliff.xlifffile).parsefile(path)
for unit in store.units:
    if unit.getid().endswith("greeting.title"):
        unit.target = "Приветствие"
store.save()
PY
    "$statusdb" import "$dir/$file" --locale ru --locales "$dir"
    diff "$dir/ru.saved/app.ftl" "$dir/ru/app.ftl" > "$dir/xliff.diff" || true
    printf '8a9\n>     .title = Приветствие\n' | diff - "$dir/xliff.diff" || { echo "FAIL: $file: not exactly the intended change"; exit 1; }
    rm -rf "$dir/ru"
    mv "$dir/ru.saved" "$dir/ru"
done

echo "-- fixture: PO edited with translate-toolkit's Python API, imported exactly"
dir=$work/fixture
cp "$dir/ru/app.ftl" "$dir/app.before"
"$venv/bin/python" - "$dir/back.po" <<'PY'
import sys
from translate.storage import factory
from translate.misc.multistring import multistring
store = factory.getobject(sys.argv[1])
for unit in store.units:
    notes = unit.getnotes("developer")
    if "key=files " in notes:
        unit.target = multistring(["{ $count } файл!", "{ $count } файла!", "{ $count } файлов!"])
    elif "key=greeting.title " in notes:
        unit.target = 'Приветствие "дома"'
store.save()
PY
"$statusdb" import "$dir/back.po" --locale ru --locales "$dir"
diff "$dir/app.before" "$dir/ru/app.ftl" > "$dir/app.diff" || true
cat > "$dir/app.expected" <<'DIFF'
8a9
>     .title = Приветствие "дома"
12,15c13,16
<         [one] { $count } файл
<         [few] { $count } файла
<         [many] { $count } файлов
<        *[other] { $count } файла
---
>         [one] { $count } файл!
>         [few] { $count } файла!
>         [many] { $count } файлов!
>        *[other] { $count } файла!
DIFF
diff "$dir/app.expected" "$dir/app.diff" || { echo "FAIL: not exactly the intended changes"; exit 1; }
echo "real clients: every check passed"
