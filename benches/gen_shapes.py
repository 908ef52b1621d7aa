"""Writes the trees of issue 15's superlinear shapes, en and ru:

    python3 benches/gen_shapes.py attrs N DIR   # one message with N attributes
    python3 benches/gen_shapes.py files N DIR   # N files of two messages (ru lacks every 10th)

then `statusdb validate --locales DIR --format json` (BENCHMARKS.md).
"""
import os
import sys

kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for loc in ("en", "ru"):
    if kind == "attrs":
        os.makedirs(f"{out}/{loc}", exist_ok=True)
        with open(f"{out}/{loc}/one.ftl", "w") as f:
            f.write("big = Value { $n }\n")
            for i in range(n):
                f.write(f"    .attr-{i} = {loc} attribute {i} {{ $n }}\n")
        continue
    for i in range(n):
        if loc == "ru" and i % 10 == 0:
            continue
        folder = f"{out}/{loc}/d{i // 1000}"
        os.makedirs(folder, exist_ok=True)
        with open(f"{folder}/f{i}.ftl", "w") as f:
            f.write(f"a-{i} = {loc} a {{ $n }}\n    .title = T\nb-{i} = {loc} b\n")
