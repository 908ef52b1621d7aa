"""The straightforward Python build statusdb is compared with: parse every
.ftl file with fluent.syntax and insert one row per message into SQLite.

    python3 benches/python_build.py LOCALES_DIR OUT.sqlite
"""
import json
import os
import sqlite3
import sys

from fluent.syntax import FluentParser, ast
from fluent.syntax.serializer import serialize_pattern


def main(root, out):
    if os.path.exists(out):
        os.remove(out)
    db = sqlite3.connect(out)
    db.execute("CREATE TABLE messages (locale TEXT, file TEXT, id TEXT, value TEXT, attributes TEXT)")
    parser = FluentParser(with_spans=False)
    rows = []
    for locale in sorted(os.listdir(root)):
        base = os.path.join(root, locale)
        if not os.path.isdir(base):
            continue
        for folder, _, files in os.walk(base):
            for name in sorted(f for f in files if f.endswith(".ftl")):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    resource = parser.parse(f.read())
                for entry in resource.body:
                    if isinstance(entry, (ast.Message, ast.Term)):
                        value = serialize_pattern(entry.value) if entry.value else ""
                        attrs = {a.id.name: serialize_pattern(a.value) for a in entry.attributes}
                        rows.append((locale, os.path.relpath(path, base), entry.id.name, value, json.dumps(attrs)))
    with db:
        db.executemany("INSERT INTO messages VALUES (?, ?, ?, ?, ?)", rows)
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
