"""The cases of compare.py: data (a `buurtscore synth` command or COINr's ASEM files), the model
variants each program runs, and the table rows.

A case has
  synth    arguments of `buurtscore synth` (None: the model names its own data)
  models   variant -> model text (written beside the data)
  timed    the (program, variant) runs, alternated in this order and then reversed
  rows     (label, buurtscore variant, Python variant or None, note)
  check    the variant whose nominal ranks and scores are compared before the table
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
    if name == "asem":
        r = sizes["asem"]
        return {"synth": None, "models": lambda m: {"coinr": ASEM_MODEL.replace("{replications}", str(r))},
                "timed": [("buurtscore", "coinr")], "check": None,
                "rows": [(f"ASEM (COINr's example), COINr's four uncertain inputs, {r:,} replications, whole `buurtscore run`",
                          "coinr", None, "COINr `get_sensitivity`: 175.6 s (not re-measured here)")]}
    raise SystemExit(f"unknown case {name}: pipeline, uncertainty0, uncertainty1, geometric, national, asem")
