"""What a user would otherwise write with pandas: the same weighted totals and trimmed means as
pcv over the same wide score sheets (no validation beyond what read_csv does).

    python3 scripts/bench/pandas_tally.py --criteria JSON --trim 1 --threshold 60 --out FILE SHEET...

A sheet that starts with a UTF-8 byte-order mark is read as utf-8-sig, any other as gb18030
(the synthetic review has one such sheet, with Chinese headers). Writes project,final,rank,passed
to --out and prints one JSON line with counts.
"""

import argparse
import json
import os
import sys

try:
    import numpy as np
    import pandas as pd
except ImportError as err:  # the benchmark skips this row with the message
    print(f"pandas is not available: {err}", file=sys.stderr)
    sys.exit(3)

ALIASES = {
    "项目编号": "project",
    "id": "project",
    "项目名称": "name",
    "评语": "comment",
    "备注": "comment",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--criteria", required=True, help='[{"id","label","max","weight"}, ...]')
    ap.add_argument("--trim", type=int, default=1)
    ap.add_argument("--threshold", type=float, default=60)
    ap.add_argument("--decimals", type=int, default=2)
    ap.add_argument("--out", required=True)
    ap.add_argument("sheets", nargs="+")
    args = ap.parse_args()

    criteria = json.loads(args.criteria)
    names = dict(ALIASES)
    for c in criteria:
        names[c["label"]] = c["id"]
    ids = [c["id"] for c in criteria]
    factors = pd.Series({c["id"]: c["weight"] / c["max"] for c in criteria})
    weight_sum = sum(c["weight"] for c in criteria)

    totals = {}
    for sheet in args.sheets:
        with open(sheet, "rb") as f:
            bom = f.read(3) == b"\xef\xbb\xbf"
        df = pd.read_csv(
            sheet,
            encoding="utf-8-sig" if bom else "gb18030",
            dtype={"project": str, "项目编号": str},
            na_values=["recused", "回避"],
            keep_default_na=False,
        )
        df = df.rename(columns=lambda h: names.get(h.strip(), h.strip()))
        scores = df[ids].apply(pd.to_numeric, errors="coerce")
        # A recused row has no scores: its total is NaN and drops out of the aggregate.
        total = 100 * scores.mul(factors).sum(axis=1, min_count=len(ids)) / weight_sum
        judge = os.path.splitext(os.path.basename(sheet))[0]
        totals[judge] = pd.Series(total.to_numpy(), index=df["project"].str.strip())

    matrix = pd.DataFrame(totals)  # projects x judges, NaN where recused
    values = matrix.to_numpy(dtype=float)
    count = np.sum(~np.isnan(values), axis=1)
    t = args.trim
    if t > 0:
        ordered = np.sort(values, axis=1)  # NaN sorts last
        cols = np.arange(ordered.shape[1])
        keep = (cols[None, :] >= t) & (cols[None, :] < (count - t)[:, None])
        trimmed = np.where(keep, ordered, 0.0).sum(axis=1) / np.maximum(count - 2 * t, 1)
        plain = np.nanmean(values, axis=1)
        final = np.where(count > 2 * t, trimmed, plain)
    else:
        final = np.nanmean(values, axis=1)
    scale = 10**args.decimals
    # Half-up on the decimal value; the epsilon absorbs binary error such as 59.995 -> 59.99499..
    final = np.floor(final * scale + 0.5 + 1e-7) / scale

    result = pd.DataFrame({"project": matrix.index, "final": final})
    result["rank"] = result["final"].rank(method="min", ascending=False).astype(int)
    result["passed"] = result["final"] >= args.threshold
    result = result.sort_values(["rank", "project"])
    result.to_csv(args.out, index=False)
    print(
        json.dumps(
            {
                "projects": int(len(result)),
                "judges": int(matrix.shape[1]),
                "passed": int(result["passed"].sum()),
            }
        )
    )


if __name__ == "__main__":
    main()
