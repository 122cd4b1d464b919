#!/usr/bin/python3
"""Writes statsmodels-reference.properties, the reference numbers of org.entente.analyse.leadlag.

Run with Debian's Python and its packages (python3-statsmodels, python3-numpy, python3-scipy):

    /usr/bin/python3 core/src/test/resources/analyse/make_statsmodels_reference.py \
        core/src/test/resources/analyse/statsmodels-reference.properties

The build does not run it; the fixture is checked in. The fixture was produced with statsmodels
0.13.5+dfsg, numpy 1.24.2, scipy 1.10.1 and Python 3.11.2 (Debian 12 packages); the script prints
the versions it ran with into the header it writes, and refuses other statsmodels versions unless
ENTENTE_ANY_STATSMODELS=1 is set (other versions may differ in the last digits, and adfuller's
default maxlag rule has changed across releases).

What is computed is described in the header the script writes (HEADER below). Checked on
2026-12-01 with the Debian 12 packages named above: the output has the same 278 keys as the
checked-in fixture and every value agrees with it to a relative 3e-12.
"""

import math
import os
import sys

import numpy as np
import scipy
import statsmodels
from statsmodels.stats.multitest import multipletests
from statsmodels.tsa.ar_model import AutoReg, ar_select_order
from statsmodels.tsa.adfvalues import mackinnoncrit, mackinnonp
from statsmodels.tsa.api import VAR
from statsmodels.tsa.stattools import adfuller, ccf, grangercausalitytests

EXPECTED_STATSMODELS = "0.13.5"

HEADER = """\
# Reference numbers for org.entente.analyse.leadlag, computed with statsmodels.
# Format: java.util.Properties (key = value; lists comma-separated; doubles as Python repr).
# Produced by: /usr/bin/python3 core/src/test/resources/analyse/make_statsmodels_reference.py <this file>
#   (the script is kept next to this file; the build does not use Python)
# Software: statsmodels {sm} (Debian package python3-statsmodels),
#   numpy {np}, scipy {sp}, Python {py}
# Series (n = 120) from numpy.random.default_rng(20240619), drawn in this order:
#   white_noise = rng.standard_normal(120)
#   random_walk = cumsum(rng.standard_normal(120))
#   e_x = rng.standard_normal(170); e_y = rng.standard_normal(170)
#   x_t = 0.5 x_(t-1) + e_x[t];  y_t = 0.3 y_(t-1) + 0.8 x_(t-2) + 0.5 e_y[t]  (zeros before t = 0),
#   first 50 values dropped: lead_x, lead_y (x leads y by 2 months)
#   e_m = rng.standard_normal(121); ma_walk = cumsum(e_m[1:] - 0.8 e_m[:-1])  (unit root, MA(1) errors)
#   methods_x, methods_y = the 12-point example of METHODS.md section 4.4
# Calls (keys below name them):
#   adf.<series>.<c|ct>.<default|floor>: adfuller(s, regression=r, autolag='AIC', maxlag=m)
#       default: maxlag=None (statsmodels: ceil(12 (n/100)^(1/4)), capped at n//2 - ntrend - 1)
#       floor:   maxlag=floor(12 (n/100)^(1/4)) as in METHODS 4.2; keys stat, pvalue, usedlag, nobs,
#       cv1/cv5/cv10 (MacKinnon 2010 at nobs), maxlag
#   mackinnonp.<c|ct>.<i>: stat and p = mackinnonp(stat, regression, N=1)
#   mackinnoncrit.<c|ct>.<nobs>: mackinnoncrit(N=1, regression, nobs) -> 1%,5%,10%
#   granger.<cause>_to_<effect>.<p>: r = grangercausalitytests(column_stack([effect, cause]), maxlag=M)
#       (M = 4 for the lead pair, 1 for the METHODS pair, 3 for white_noise -> random_walk);
#       r[p][0] ssr_ftest (F, p, df_denom, df_num) and ssr_chi2test (chi2, p, df);
#       rss_restricted / rss_unrestricted = r[p][1][0].ssr / r[p][1][1].ssr
#   ccf.<x>_<y>.pos = ccf(y, x, adjusted=False)[0:13]   -> r_xy(k), k = 0..12 (x leads y when k > 0)
#   ccf.<x>_<y>.neg = ccf(x, y, adjusted=False)[0:13]   -> r_xy(-k), k = 0..12
#   prewhiten.lead: ar_select_order(lead_x, maxlag=8, ic='aic', trend='c') -> order p;
#       AutoReg(lead_x, lags=p, trend='c').fit().params (const, phi_1..p); both series filtered
#       u_t = s_t - const - sum phi_i s_(t-i), t = p+1..n (numpy), then ccf as above on u_x, u_y
#   varorder.<pair>: VAR(column_stack([x, y])).select_order(maxlags=m, trend='c'); selected aic/bic
#       orders and the ic values for p = 0..m (statsmodels includes the constants in free params)
#   bh: multipletests(p, method='fdr_bh')[1] for the listed p (the Granger ssr_ftest p-values above,
#       then 0.01, 0.04, 0.03, 0.20, 0.04, 0.9, 1.0, 0.0005)
"""

METHODS_X = [0.4, 1.5, -1.8, 1.7, 0.0, -0.8, -0.8, -1.1, -0.2, 0.8, 0.6, 0.6]
METHODS_Y = [-0.5, -0.2, 1.7, -1.1, 2.1, 0.4, -0.9, -0.2, -0.7, -0.1, 0.4, 0.5]
MACKINNON_STATS = [-20.0, -6.0, -4.5, -3.9, -3.5, -3.1, -2.9, -2.7, -2.0, -1.0, 0.0, 0.5, 2.0, 3.0]
MACKINNON_NOBS = [25, 50, 100, 500]
EXTRA_BH = [0.01, 0.04, 0.03, 0.20, 0.04, 0.9, 1.0, 0.0005]


def fmt(v):
    """Python repr of a float, int as int, lists comma-separated."""
    if isinstance(v, (list, tuple, np.ndarray)):
        return ",".join(fmt(x) for x in v)
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    return repr(float(v))


def series():
    rng = np.random.default_rng(20240619)
    white_noise = rng.standard_normal(120)
    random_walk = np.cumsum(rng.standard_normal(120))
    e_x = rng.standard_normal(170)
    e_y = rng.standard_normal(170)
    x = np.zeros(170)
    y = np.zeros(170)
    for t in range(170):
        x[t] = (0.5 * x[t - 1] if t >= 1 else 0.0) + e_x[t]
        y[t] = (
            (0.3 * y[t - 1] if t >= 1 else 0.0)
            + (0.8 * x[t - 2] if t >= 2 else 0.0)
            + 0.5 * e_y[t]
        )
    e_m = rng.standard_normal(121)
    ma_walk = np.cumsum(e_m[1:] - 0.8 * e_m[:-1])
    return {
        "white_noise": white_noise,
        "random_walk": random_walk,
        "lead_x": x[50:],
        "lead_y": y[50:],
        "ma_walk": ma_walk,
        "methods_x": np.array(METHODS_X),
        "methods_y": np.array(METHODS_Y),
    }


def adf_rows(out, name, s):
    n = len(s)
    for reg in ("c", "ct"):
        for rule in ("default", "floor"):
            if rule == "default":
                maxlag = None
            else:
                maxlag = int(math.floor(12 * (n / 100) ** 0.25))
            res = adfuller(s, maxlag=maxlag, regression=reg, autolag="AIC", store=True)
            stat, pvalue, crit, store = res[0], res[1], res[2], res[3]
            used_maxlag = store.maxlag if maxlag is None else maxlag
            key = f"adf.{name}.{reg}.{rule}"
            out.append((f"{key}.maxlag", used_maxlag))
            out.append((f"{key}.stat", stat))
            out.append((f"{key}.pvalue", pvalue))
            out.append((f"{key}.usedlag", store.usedlag))
            out.append((f"{key}.nobs", store.nobs))
            out.append((f"{key}.cv1", crit["1%"]))
            out.append((f"{key}.cv5", crit["5%"]))
            out.append((f"{key}.cv10", crit["10%"]))


def granger_rows(out, cause_name, effect_name, cause, effect, maxlag, pvalues):
    r = grangercausalitytests(np.column_stack([effect, cause]), maxlag=maxlag, verbose=False)
    for p in range(1, maxlag + 1):
        key = f"granger.{cause_name}_to_{effect_name}.{p}"
        f = r[p][0]["ssr_ftest"]
        c = r[p][0]["ssr_chi2test"]
        out.append((f"{key}.ssr_ftest", [f[0], f[1], f[2], f[3]]))
        out.append((f"{key}.ssr_chi2test", [c[0], c[1], c[2]]))
        out.append((f"{key}.rss_restricted", r[p][1][0].ssr))
        out.append((f"{key}.rss_unrestricted", r[p][1][1].ssr))
        pvalues.append(f[1])


def ccf_rows(out, key, x, y):
    out.append((f"ccf.{key}.pos", list(ccf(y, x, adjusted=False)[0:13])))
    out.append((f"ccf.{key}.neg", list(ccf(x, y, adjusted=False)[0:13])))


def prewhiten_rows(out, x, y):
    sel = ar_select_order(x, maxlag=8, ic="aic", trend="c")
    p = len(sel.ar_lags) if sel.ar_lags is not None else 0
    params = AutoReg(x, lags=p, trend="c").fit().params
    const, phi = params[0], params[1:]

    def filt(s):
        u = np.empty(len(s) - p)
        for t in range(p, len(s)):
            u[t - p] = s[t] - const - sum(phi[i] * s[t - i - 1] for i in range(p))
        return u

    ux, uy = filt(x), filt(y)
    out.append(("prewhiten.lead.maxlag", 8))
    out.append(("prewhiten.lead.order", p))
    out.append(("prewhiten.lead.params", list(params)))
    out.append(("prewhiten.lead.pos", list(ccf(uy, ux, adjusted=False)[0:13])))
    out.append(("prewhiten.lead.neg", list(ccf(ux, uy, adjusted=False)[0:13])))


def varorder_rows(out, key, x, y, maxlags):
    sel = VAR(np.column_stack([x, y])).select_order(maxlags=maxlags, trend="c")
    out.append((f"varorder.{key}.maxlag", maxlags))
    out.append((f"varorder.{key}.aic", sel.selected_orders["aic"]))
    out.append((f"varorder.{key}.bic", sel.selected_orders["bic"]))
    out.append((f"varorder.{key}.aic_values", [sel.ics["aic"][p] for p in range(maxlags + 1)]))
    out.append((f"varorder.{key}.bic_values", [sel.ics["bic"][p] for p in range(maxlags + 1)]))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_statsmodels_reference.py OUTPUT.properties")
    version = statsmodels.__version__
    if not version.startswith(EXPECTED_STATSMODELS) and not os.environ.get(
        "ENTENTE_ANY_STATSMODELS"
    ):
        sys.exit(
            f"statsmodels {version}: the fixture was made with {EXPECTED_STATSMODELS}"
            " (set ENTENTE_ANY_STATSMODELS=1 to run anyway)"
        )
    s = series()
    out = []
    for name in ("white_noise", "random_walk", "lead_x", "lead_y", "ma_walk", "methods_x",
                 "methods_y"):
        out.append((f"series.{name}", list(s[name])))
    for name in ("white_noise", "random_walk", "lead_x", "lead_y", "ma_walk"):
        adf_rows(out, name, s[name])
    for reg in ("c", "ct"):
        for i, stat in enumerate(MACKINNON_STATS):
            out.append((f"mackinnonp.{reg}.{i}", [stat, mackinnonp(stat, regression=reg, N=1)]))
        for nobs in MACKINNON_NOBS:
            out.append((f"mackinnoncrit.{reg}.{nobs}",
                        list(mackinnoncrit(N=1, regression=reg, nobs=nobs))))
    pvalues = []
    granger_rows(out, "lead_x", "lead_y", s["lead_x"], s["lead_y"], 4, pvalues)
    granger_rows(out, "lead_y", "lead_x", s["lead_y"], s["lead_x"], 4, pvalues)
    granger_rows(out, "methods_x", "methods_y", s["methods_x"], s["methods_y"], 1, pvalues)
    granger_rows(out, "methods_y", "methods_x", s["methods_y"], s["methods_x"], 1, pvalues)
    granger_rows(out, "white_noise", "random_walk", s["white_noise"], s["random_walk"], 3,
                 pvalues)
    ccf_rows(out, "lead_x_lead_y", s["lead_x"], s["lead_y"])
    ccf_rows(out, "methods_x_methods_y", s["methods_x"], s["methods_y"])
    ccf_rows(out, "white_noise_random_walk", s["white_noise"], s["random_walk"])
    prewhiten_rows(out, s["lead_x"], s["lead_y"])
    varorder_rows(out, "lead", s["lead_x"], s["lead_y"], 8)
    varorder_rows(out, "methods", s["methods_x"], s["methods_y"], 2)
    p = pvalues + EXTRA_BH
    out.append(("bh.p", p))
    out.append(("bh.adjusted", list(multipletests(p, method="fdr_bh")[1])))
    header = HEADER.format(
        sm=version, np=np.__version__, sp=scipy.__version__, py=sys.version.split()[0]
    )
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write(header)
        for key, value in out:
            f.write(f"{key} = {fmt(value)}\n")


if __name__ == "__main__":
    main()
