# Independent reference for RoundReferenceTest: round 1 of the expected-utility model under
# option combinations, written from METHODS section 5 only (plain Python, no shared code with the
# Java implementation). Q = 1 (the Q terms are checked by an identity in OptionsTest).
# Run: python3 round1_reference.py > round1_reference.csv
# Output: data set, preset, the option changed (or "-"), then the positions after round 1.
import itertools

DATA = {
    # EU car-emission example, shared/data/bdm-inputs/PROVENANCE.md
    "eu": [("Netherlands", 0.08, 4, 0.8), ("Belgium", 0.08, 7, 0.4), ("Luxembourg", 0.03, 4, 0.2),
           ("Germany", 0.16, 4, 0.8), ("France", 0.16, 10, 0.6), ("Italy", 0.16, 10, 0.6),
           ("UK", 0.16, 10, 0.9), ("Ireland", 0.05, 7, 0.1), ("Denmark", 0.05, 4, 1.0),
           ("Greece", 0.08, 7, 0.7)],
    # three actors with a capitulation under the paper options
    "three": [("A0", 7, 5, 0.9), ("A1", 7, 7, 1.0), ("A2", 2, 7, 0.1)],
    # the sanctions-enforcement scenario's six states
    "sanctions": [("RUS", 0.037, 10, 0.7), ("PRK", 0.010, 0, 1.0), ("CHN", 0.23, 35, 0.5),
                  ("USA", 0.14, 95, 0.6), ("KOR", 0.022, 95, 0.9), ("JPN", 0.029, 90, 0.7)],
}

PRESETS = {
    "paper": dict(den="pairwise", num="gross", votes="powered", sel="least-move",
                  persp="receiver", cap=True, rank="smallest"),
    "scholz": dict(den="all-pairs", num="gross", votes="powered", sel="type-priority",
                   persp="receiver", cap=False, rank="smallest"),
    "replication": dict(den="pairwise", num="net", votes="linear", sel="largest-b-first",
                        persp="challenger", cap=True, rank="smallest"),
}
ALTERNATIVES = {
    "den": ["pairwise", "all-pairs"], "num": ["gross", "net"], "votes": ["powered", "linear"],
    "sel": ["least-move", "highest-challenger-eu", "type-priority", "largest-b-first"],
    "persp": ["receiver", "challenger"], "cap": [True, False], "rank": ["smallest", "closest"],
}


def round1(actors, o):
    n = len(actors)
    c = [a[1] for a in actors]; x = [float(a[2]) for a in actors]; s = [a[3] for a in actors]
    w = [c[i] * s[i] for i in range(n)]
    rg = max(x) - min(x)

    def vote(k, a, b, r):
        if o["votes"] == "linear":
            return w[k] * (abs(x[k] - b) - abs(x[k] - a))
        return w[k] * ((abs(x[k] - b) / rg) ** r[k] - (abs(x[k] - a) / rg) ** r[k])

    def prob(i, j, r):
        if x[i] == x[j]:
            return 0.0
        v = [vote(k, x[i], x[j], r) for k in range(n)]
        num = sum(max(0.0, t) for t in v) if o["num"] == "gross" else max(0.0, sum(v))
        if o["den"] == "pairwise":
            den = sum(abs(t) for t in v)
        else:
            den = sum(abs(vote(k, x[a], x[b], r)) for a in range(n) for b in range(n) for k in range(n))
        return num / den if den > 0 else 0.0

    def eu(i, j, rp, r):
        d = abs(x[i] - x[j]) / rg
        us = 2 - 4 * (0.5 - 0.5 * d) ** rp
        uf = 2 - 4 * (0.5 + 0.5 * d) ** rp
        usq = 2 - 4 * 0.5 ** rp
        p = prob(i, j, r)
        return s[j] * (p * us + (1 - p) * uf) + (1 - s[j]) * us - usq

    one = [1.0] * n
    theta = [sum(eu(j, i, 1.0, one) for j in range(n) if j != i) for i in range(n)]
    hi, lo = max(theta), min(theta)
    big = [(2 * t - hi - lo) / (hi - lo) for t in theta]
    r = [(1 - q / 3) / (1 + q / 3) for q in big]

    def classify(i, j, a, b):
        if b > a > 0:
            return ("confrontation", x[j])
        if b > 0 > a:
            if b > -a:
                return ("compromise", x[i] + (x[j] - x[i]) * (-a) / b)
            if b < -a and o["cap"]:
                return ("capitulation", x[j])
        return None

    new = list(x)
    for i in range(n):
        cands = []
        for j in range(n):
            if j == i or x[j] == x[i]:
                continue
            a = eu(i, j, r[i], r)
            b = eu(j, i, r[i] if o["persp"] == "receiver" else r[j], r)
            cands.append((j, a, b))
        choice = None
        if o["sel"] == "largest-b-first":
            pos = [t for t in cands if t[2] > 0]
            if pos:
                best = max(t[2] for t in pos)
                top = [t for t in pos if t[2] == best]
                j, a, b = min(top, key=lambda t: (abs(x[t[0]] - x[i]), t[0]))
                cl = classify(i, j, a, b)
                choice = cl[1] if cl else None
        else:
            offers = []
            for j, a, b in cands:
                cl = classify(i, j, a, b)
                if cl:
                    rho = (abs(a) * x[i] + abs(b) * x[j]) / (abs(a) + abs(b))
                    offers.append((j, cl[0], cl[1], b, rho))
            if offers:
                if o["sel"] == "least-move":
                    key = lambda t: (abs(t[2] - x[i]), t[0])
                elif o["sel"] == "highest-challenger-eu":
                    key = lambda t: (-t[3], t[0])
                else:
                    order = {"confrontation": 0, "compromise": 1, "capitulation": 2}

                    def key(t):
                        if t[1] == "compromise":
                            m = t[4] if o["rank"] == "smallest" else abs(t[4] - x[i])
                        else:
                            m = abs(t[2] - x[i])
                        return (order[t[1]], m, t[0])
                choice = min(offers, key=key)[2]
        if choice is not None:
            new[i] = choice
    return new


print("data,preset,change,positions")
for data, actors in DATA.items():
    for name, base in PRESETS.items():
        runs = [("-", base)]
        for k, values in ALTERNATIVES.items():
            for v in values:
                if v != base[k]:
                    runs.append((k + "=" + str(v).lower(), dict(base, **{k: v})))
        for change, o in runs:
            pos = round1(actors, o)
            print(data + "," + name + "," + change + "," + " ".join(repr(p) for p in pos))
