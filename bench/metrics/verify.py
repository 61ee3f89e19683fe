#!/usr/bin/env python3
"""Compares the metrics API's answer with the hand-written base-table SQL's (run.sh): every number, every period.
usage: verify.py api.json base.json"""
import json, sys
from decimal import Decimal, ROUND_HALF_EVEN

api = json.load(open(sys.argv[1]))["data"]
base = json.load(open(sys.argv[2]))
bundles = [api["metrics"]] if "metrics" in api else [e["node"]["metrics"] for e in api["metricsBreakdown"]["edges"]]
assert len(bundles) == len(base), f"{len(bundles)} API periods, {len(base)} base periods"
checked = 0
for got, want in zip(bundles, base):
    f = want["funnel"] or {k: 0 for k in ("leads", "mqls", "handoffs", "accepted", "rejected", "bad", "sqls", "won", "lost")}
    expect = {"leads": f["leads"], "mqls": f["mqls"], "handoffs": f["handoffs"], "accepted": f["accepted"],
              "rejected": f["rejected"], "badLeads": f["bad"], "sqls": f["sqls"], "won": f["won"], "lost": f["lost"]}
    for k, v in expect.items():
        assert got[k] == v, f"period {want['idx']} {k}: API {got[k]} base {v}"
    assert Decimal(got["revenue"]["amount"]) == Decimal(str(f.get("revenue", 0))), f"period {want['idx']} revenue"
    reasons = sorted((r["code"], r["category"], r["count"]) for r in want["reasons"])
    assert sorted((r["code"], r["category"], r["count"]) for r in got["rejectionsByReason"]) == reasons, f"period {want['idx']} reasons"
    t = want["timing"] or {"responded": 0, "median": None, "p90": None, "breaches": 0}
    rt = got["responseTime"]
    assert (rt["responded"], rt["medianSeconds"], rt["p90Seconds"], got["slaBreaches"]) == \
        (t["responded"], None if t["median"] is None else int(t["median"]), None if t["p90"] is None else int(t["p90"]), t["breaches"]), \
        f"period {want['idx']} response time / SLA: API {rt} {got['slaBreaches']} base {t}"
    bands = [(b["from"], b["handoffs"], b["won"], None if not b["won"] else
              str((Decimal(str(b["amount"])) / b["won"]).quantize(Decimal("0.01"), ROUND_HALF_EVEN))) for b in want["bands"]]
    assert [(b["from"], b["handoffs"], b["won"], b["averageWonAmount"] and b["averageWonAmount"]["amount"])
            for b in got["scoreBandOutcomes"]] == bands, f"period {want['idx']} score bands"
    assert Decimal(got["spend"]["total"]["amount"]) == Decimal(str(want["spend"] or 0)), f"period {want['idx']} spend"
    checked += 1
print(f"verified: {checked} period(s), every count, reason, percentile, SLA breach, band and amount equal")
