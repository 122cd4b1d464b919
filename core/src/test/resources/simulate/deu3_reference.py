# Independent reference for DeuBacktestTest: the capability×salience-weighted mean and weighted
# median of DEU III positions against the outcomes, computed with Python's csv module only.
# Run: python3 deu3_reference.py ../../../../../shared/data/deu3-eu-decides/deu3_train.csv
# Rules (shared/data/deu3-eu-decides/PROVENANCE.md): line 2 holds capabilities in the position
# columns; an empty position means no position; an empty salience counts as 0; issues without an
# outcome, or without any position of salience > 0, are left out. Weighted median: the lowest actor
# position among those minimising the weighted sum of distances (METHODS §5).
import csv
import sys

rows = list(csv.reader(open(sys.argv[1]), delimiter="\t"))
h, cap = rows[0], rows[1]
acts = [c[1:] for c in h if c.startswith("p") and c not in ("prnrnmc", "prnr", "prname", "proc", "proccde")]
pi = {a: h.index("p" + a) for a in acts}
si = {a: h.index("s" + a) for a in acts}
oi = h.index("out")
e1, e2 = [], []
for r in rows[2:]:
    if r[oi].strip() == "":
        continue
    out = float(r[oi])
    xs = []
    for a in acts:
        if r[pi[a]].strip() == "":
            continue
        s = float(r[si[a]]) if r[si[a]].strip() else 0.0
        xs.append((float(cap[pi[a]]), float(r[pi[a]]), s / 100))
    if not any(s > 0 for c, x, s in xs):
        continue
    W = sum(c * s for c, x, s in xs)
    m = sum(c * s * x for c, x, s in xs) / W
    best = None
    for _, p, _ in xs:
        d = sum(c * s * abs(x - p) for c, x, s in xs)
        tol = 1e-12 * max(1, best[0]) if best else 0
        if best is None or d < best[0] - tol or (abs(d - best[0]) <= tol and p < best[1]):
            best = (d if best is None else min(d, best[0]), p)
    e1.append(abs(m - out))
    e2.append(abs(best[1] - out))
print("issues", len(e1))
print("weighted mean   MAE %.6f within10 %.6f" % (sum(e1) / len(e1), sum(e <= 10 for e in e1) / len(e1)))
print("weighted median MAE %.6f within10 %.6f" % (sum(e2) / len(e2), sum(e <= 10 for e in e2) / len(e2)))
