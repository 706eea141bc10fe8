"""The cases of compare.py: data (a `buurtscore synth` command or COINr's ASEM files), the model
variants each program runs, and the table rows.

A case has
  synth    arguments of `buurtscore synth` (None: the model names its own data)
  models   variant -> model text (written beside the data)
  timed    the (program, variant) runs, alternated in this order and then reversed
  rows     (label, buurtscore variant, Python variant or None, note)
  check    the variant whose nominal ranks and scores are compared before the table
  tolerance  the largest index score difference accepted there (default 1e-9)
  data     the data file when no synth command makes it (the demo)
"""
import os
import re

ASEM = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "peers", "coinr-asem"))

STAGES = """denominate: {{scale: 1}}
impute: {{method: mean, by: wijk}}
screen: {{min_coverage: 0.75, basis: observed}}
normalise: {{method: minmax, range: [{lower}, 100], scope: period}}
aggregate: {{method: arithmetic}}
"""

WEIGHTS_NORMALISE = """uncertainty:
  weights: {{noise: 0.25, levels: [1, 2]}}
  normalise: [{{method: minmax, range: [1, 100], scope: period}}, {{method: zscore, mean: 50, sd: 10, scope: period}}]
  replications: {replications}
  seed: 2017
"""

WEIGHTS_AGGREGATE = """uncertainty:
  weights: {{noise: 0.25, levels: [1, 2]}}
  aggregate: [arithmetic, geometric]
  replications: {replications}
  seed: 2017
"""

NO_LISTS = "priorities: none\nchanges: none\n"
LISTS = "priorities:\n  top: 5\n  reference: mean\n"

ASEM_MODEL = f"""title: ASEM connectivity and sustainability (COINr example)
data: {ASEM}/input_iData.csv
metadata: {ASEM}/input_iMeta.csv
unit: uCode
name: uName
denominate: {{scale: 1}}
impute: {{method: mean, by: EurAsia_group}}
screen: {{min_coverage: 0.9}}
treat: {{method: winsorise, max_points: 5, max_skew: 2, max_kurtosis: 3.5}}
normalise: {{method: minmax, range: [0, 100]}}
aggregate: {{method: arithmetic}}
uncertainty:
  weights: {{noise: 0.25, levels: [2, 3]}}
  normalise: [{{method: minmax, range: [1, 100]}}, {{method: zscore, mean: 10, sd: 2}}]
  aggregate: [arithmetic, geometric]
  treat: {{max_points: [1, 2, 3, 4, 5]}}
  replications: {{replications}}
  seed: 1
  # z-scores around 10 with sd 2 can reach 0 or below, where the geometric mean is undefined:
  # such replications are left out and counted (COINr's example allows the combination).
  out_of_domain: skip
priorities: none
"""


DEMO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets", "demo"))

# Aggregation methods as the nominal method with weight noise; the normalisation alternatives
# keep each method's domain (positive values for geometric, harmonic and p = 0.5). Copeland and
# Mazziotta-Pareto are invariant to a per-period affine rescaling, so they get weights only.
MINMAX_ZSCORE = "[{method: minmax, range: [1, 100]}, {method: zscore, mean: 50, sd: 10}]"
TWO_MINMAX = "[{method: minmax, range: [1, 100]}, {method: minmax, range: [10, 100]}]"
METHODS = {
    "arithmetic": ("{method: arithmetic}", MINMAX_ZSCORE),
    "geometric-mean": ("{method: geometric}", TWO_MINMAX),
    "harmonic": ("{method: harmonic}", TWO_MINMAX),
    "power2": ("{method: generalised, p: 2}", MINMAX_ZSCORE),
    "power0.5": ("{method: generalised, p: 0.5}", TWO_MINMAX),
    "mpi": ("{method: mpi}", None),
    "copeland": ("{method: copeland}", None),
}

# No impute or screen: rows missing a survey keep their registered indicators, so every
# method meets missing children (weights renormalised, a dimension without children skipped).
METHOD_MODEL = """denominate: {{scale: 1}}
normalise: {{method: minmax, range: [1, 100], scope: period}}
aggregate: {aggregate}
uncertainty:
  weights: {{noise: 0.25, levels: [1, 2]}}
{normalise}  replications: {replications}
  seed: 2017
"""


def demo_model(variant):
    """datasets/demo/model.yml with its files as absolute paths; `nosens`: sensitivity off."""
    text = open(os.path.join(DEMO, "model.yml"), encoding="utf-8").read()
    text = re.sub(r"(?m)^(data|crosswalk): (\S+)", lambda m: f"{m[1]}: {os.path.join(DEMO, m[2])}", text)
    return text if variant == "demo" else re.sub(r"(?m)^(\s+)sensitivity: true", r"\1sensitivity: false", text)


def tree(model_text):
    """The synthetic model's title, columns and tree (no stages, no uncertainty)."""
    out, keep = [], False
    for line in model_text.splitlines():
        if re.match(r"^\w", line):
            keep = line.split(":")[0] in ("title", "data", "unit", "name", "period", "groups", "indicators", "columns")
        if keep and not line.startswith("#"):
            out.append(line)
    return "\n".join(out) + "\n"


def without_sensitivity(model_text, replications):
    """The synthetic model as generated, `sensitivity:` off and the replication count set."""
    text = re.sub(r"(?m)^(\s+)sensitivity: true", r"\1sensitivity: false", model_text)
    return re.sub(r"(?m)^(\s+)replications: \d+", rf"\g<1>replications: {replications}", text)


def make(name, sizes):
    """The case `name` at sizes (units, replications of each case; see compare.py)."""
    if name == "pipeline":
        return {"synth": ["--units", str(sizes["units"]), "--years", "2017-2020", "--indicators", "36"],
                "models": lambda m: {"nominal": tree(m) + STAGES.format(lower=0)},
                "timed": [("buurtscore", "nominal"), ("python", "nominal")], "check": "nominal",
                "rows": [("CSV load + deterministic pipeline", "nominal", "nominal", "")]}
    if name.startswith("uncertainty"):
        r = sizes["uncertainty"][int(name[-1])]
        body = lambda m: tree(m) + STAGES.format(lower=0) + WEIGHTS_NORMALISE.format(replications=r)
        return {"synth": ["--units", str(sizes["units"]), "--years", "2017-2020", "--indicators", "36"],
                "models": lambda m: {"none": body(m) + NO_LISTS, "lists": body(m) + LISTS},
                "timed": [("buurtscore", "none"), ("python", "none"), ("buurtscore", "lists")], "check": "none",
                "rows": [(f"weights + normalisation, {r:,} replications: rank and score bands, p_top (like for like)", "none", "none", ""),
                         (f"the same, buurtscore with both lists (+ problem list with gap bands, change bands)", "lists", "none",
                          "not like for like: Python computes no lists or changes")]}
    if name == "geometric":
        r = sizes["geometric"]
        body = lambda m: tree(m) + STAGES.format(lower=1) + WEIGHTS_AGGREGATE.format(replications=r)
        return {"synth": ["--units", str(sizes["units"]), "--years", "2017-2017", "--indicators", "36"],
                "models": lambda m: {"none": body(m) + "priorities: none\n", "lists": body(m) + LISTS},
                "timed": [("buurtscore", "none"), ("python", "none"), ("buurtscore", "lists")], "check": "none",
                "rows": [(f"geometric alternative, {r:,} replications: weights, arithmetic or geometric; bands, p_top (like for like)",
                          "none", "none", ""),
                         ("the same, buurtscore with the default lists (+ problem list with gap bands)", "lists", "none",
                          "not like for like: Python computes no lists")]}
    if name == "national":
        r = sizes["national"]
        return {"synth": ["--units", str(sizes["units"]), "--years", "2017-2020"],
                "models": lambda m: {"lists": without_sensitivity(m, r),
                                     "none": re.sub(r"(?ms)^priorities:.*", "", without_sensitivity(m, r)) + NO_LISTS},
                "timed": [("buurtscore", "none"), ("python", "none"), ("buurtscore", "lists"), ("python", "lists")],
                "check": "none",
                "rows": [(f"national demo settings, {r:,} replications, `priorities: none, changes: none`: bands, p_top",
                          "none", "none", ""),
                         (f"national demo settings, {r:,} replications, default lists and change bands", "lists", "lists",
                          "Python: gap bands and p_worst per dimension, change bands; no categories, flags or report")]}
    if name == "defaults":
        return {"synth": ["--units", str(sizes["defaults"]), "--years", "2017-2020"],
                "models": lambda m: {"defaults": tree(m), "none": tree(m) + NO_LISTS},
                "timed": [("buurtscore", "defaults"), ("python", "defaults"), ("buurtscore", "none")],
                "check": "defaults", "tolerance": 1e-12,
                "rows": [("default keys (tree and data only: minmax [0, 100] per period, arithmetic, no impute)",
                          "defaults", "defaults", "not like for like: buurtscore also writes changes, PCA and reliability tables and the report"),
                         ("the same with `priorities: none, changes: none`", "none", "defaults",
                          "buurtscore also writes PCA and reliability tables and the report")]}
    if name in METHODS:
        units, years, r = sizes["copeland" if name == "copeland" else "methods"]
        aggregate, alternatives = METHODS[name]
        normalise = f"  normalise: {alternatives}\n" if alternatives else ""
        body = lambda m: tree(m) + METHOD_MODEL.format(aggregate=aggregate, normalise=normalise, replications=r) + NO_LISTS
        what = "weights" + (" + normalisation" if alternatives else "")
        return {"synth": ["--units", str(units), "--years", years],
                # Mazziotta-Pareto standardises twice (indicators, then dimension scores per
                # replication), which scales the rounding of the sums: 1e-11 on scores near 100.
                "models": lambda m: {"none": body(m)}, "check": "none", "tolerance": 1e-11 if name == "mpi" else 1e-12,
                "timed": [("buurtscore", "none"), ("python", "none")],
                "rows": [(f"aggregate `{aggregate}`, {what}, {r:,} replications, {units:,} buurten x {years}", "none", "none", "")]}
    if name == "demo":
        return {"synth": None, "data": os.path.join(DEMO, "data.csv"),
                "models": lambda m: {"demo": demo_model("demo"), "nosens": demo_model("nosens")},
                "timed": [("buurtscore", "demo"), ("python", "demo"), ("buurtscore", "nosens")],
                "check": "demo", "tolerance": 1e-12,
                "rows": [("demo model as it is (19 buurten x 4 years, sampling, 1,000 replications, sensitivity, lists, changes, report)",
                          "demo", "demo", "Python: no sensitivity, categories, break flags or report"),
                         ("the same, `sensitivity: false`", "nosens", "demo", "Python: no categories, break flags or report")]}
    if name == "asem":
        r = sizes["asem"]
        return {"synth": None, "models": lambda m: {"coinr": ASEM_MODEL.replace("{replications}", str(r))},
                "timed": [("buurtscore", "coinr")], "check": None,
                "rows": [(f"ASEM (COINr's example), COINr's four uncertain inputs, {r:,} replications, whole `buurtscore run`",
                          "coinr", None, "COINr `get_sensitivity`: 175.6 s (not re-measured here)")]}
    raise SystemExit(f"unknown case {name}: pipeline, uncertainty0, uncertainty1, geometric, national, defaults, "
                     f"{', '.join(METHODS)}, demo, asem")
