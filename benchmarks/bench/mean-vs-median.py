#!/usr/bin/env python3
"""Per variant, the geometric mean over units of the same-round ratio candidate/O2, with a 95 %
bootstrap interval over rounds (one replicate index for all units, as the results module's
GeometricMean combines them), once with the mean and once with the median of each side: the
figures behind README's "Ratio of medians instead of means". Reads a run folder's jmh.json (e.g.
one kept by decisive.sh with OPTBENCH_BENCH_KEEP). Pure Python; an analysis aid, not the verdict.
  benchmarks/bench/mean-vs-median.py RUN_PARENT [METRIC (wall, cpu.total, ...)] [FIRST_N_ROUNDS]
"""
import glob, json, math, random, statistics as st, sys

path = sys.argv[1]
metric = sys.argv[2] if len(sys.argv) > 2 else "wall"
limit = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9
rows = json.load(open(glob.glob(path + "/*/jmh.json")[0]))
data = {}
for r in rows:
    v, u = r["params"]["variant"], r["params"]["unit"]
    m = r["primaryMetric"] if metric == "wall" else r["secondaryMetrics"][metric]
    data.setdefault(v, {})[u] = m["rawData"][0]
base, B = "O2", 2000


def stat(kind, xs):
    return st.mean(xs) if kind == "mean" else st.median(xs)


print(metric)
for v in data:
    if v == base:
        continue
    units = sorted(data[v])
    n = min(min(len(data[v][u]) for u in units), limit)
    line = "%-6s n=%d" % (v, n)
    for kind in ("mean", "median"):
        rng = random.Random(42)
        reps = []
        for _ in range(B):
            logs = 0.0
            for u in units:
                idx = [rng.randrange(n) for _ in range(n)]
                logs += math.log(stat(kind, [data[v][u][i] for i in idx])
                                 / stat(kind, [data[base][u][i] for i in idx]))
            reps.append(math.exp(logs / len(units)))
        reps.sort()
        point = math.exp(st.mean(math.log(stat(kind, data[v][u][:n]) / stat(kind, data[base][u][:n]))
                                 for u in units))
        lo, hi = reps[int(0.025 * B)], reps[int(0.975 * B) - 1]
        line += "  %s %.3f [%.3f, %.3f] ±%.1f%%" % (kind, point, lo, hi, 100 * (hi - lo) / 2 / point)
    print(line)
