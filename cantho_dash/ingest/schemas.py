"""Pandera schemas of the upload kinds : what a row must satisfy to be committed.

Staging (sql/stage_<kind>.sql) gives every column a state: 0 understood, 1 missing, 2 not
understood (an unknown ward, an unreadable number ...). The schemas check those states, the
ranges of the numbers, and that no key occurs twice. Each check is named '<problem>:<column>';
report.py turns the names into reasons.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa

PCT, MILESTONE, COUNT = 1, 2, 3


def _states(column: str, required: bool = True) -> pa.Column:
    """The state of a column must be 0; failures() reads 1 as missing and 2 as not understood."""
    return pa.Column(checks=[pa.Check.isin([0] if required else [0, 1])], name=f"{column}_state")


def _frame_check(code: str, column: str, test) -> pa.Check:
    return pa.Check(test, name=f"{code}:{column}", element_wise=False, ignore_na=False)


def _in_range(code: str, column: str, low: float, high: float, where=None) -> pa.Check:
    def test(df: pd.DataFrame) -> pd.Series:
        inside = df[column].isna() | df[column].between(low, high)
        return inside if where is None else inside | ~where(df)
    return _frame_check(code, column, test)


def _unique_keys(df: pd.DataFrame) -> pd.Series:
    """False for every row whose key (an integer) another row has too: one sort, no hash table
    (pandas' own uniqueness test takes three times as long on a million rows). A frame checked in
    chunks carries the verdict on the whole file in 'key_unique'."""
    if "key_unique" in df:
        return df["key_unique"]
    keys = df["row_key"].to_numpy()
    order = np.argsort(keys, kind="stable")
    same = keys[order][1:] == keys[order][:-1]
    repeated = np.zeros(len(keys), dtype=bool)
    repeated[1:] |= same
    repeated[:-1] |= same
    out = np.empty(len(keys), dtype=bool)
    out[order] = ~repeated
    return pd.Series(out, index=df.index)


def _schema(columns: list[pa.Column], checks: list[pa.Check], key_column: str) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {c.name: c for c in columns} | {"row_key": pa.Column(), "key_unique": pa.Column(required=False)},
        checks=[*checks, _frame_check("duplicate_key", key_column, _unique_keys)])


OBSERVATIONS = _schema(
    [_states("indicator_code"), _states("area"), _states("period"), _states("value")],
    [_in_range("pct_range", "value", 0, 100, where=lambda df: df["unit_class"] == PCT),
     _in_range("milestone_range", "value", 0, 1, where=lambda df: df["unit_class"] == MILESTONE),
     _frame_check("negative", "value", lambda df: (df["unit_class"] != COUNT) | df["value"].isna() | (df["value"] >= 0))],
    "indicator_code",
)

UNIT_SCORES = _schema(
    [_states("unit"), _states("period"), _states("pillar"), _states("score")],
    [_frame_check("negative_score", "score", lambda df: df["score"].isna() | (df["score"] >= 0))],
    "unit",
)

TASK_STATUS = _schema(
    [_states("task_no"), _states("period"), _states("status"), _states("progress_pct")],
    [_in_range("progress_range", "progress_pct", 0, 100),
     _frame_check("done_progress", "progress_pct",
                  lambda df: ~df["is_done"] | df["progress_pct"].isna() | (df["progress_pct"] >= 100))],
    "task_no",
)

TARGETS = _schema(
    [_states("code"), _states("plan_no"), _states("pillar"), _states("name_vi"),
     _states("name_en"), _states("unit"), _states("comparator"), _states("target_value"),
     _states("deadline"), _states("lead_agency"), _states("coordinating_agencies", required=False)],
    [_in_range("pct_range", "target_value", 0, 100, where=lambda df: df["unit"] == "%"),
     _frame_check("negative_target", "target_value", lambda df: df["target_value"].isna() | (df["target_value"] >= 0))],
    "code",
)

SCHEMAS = {"observations": OBSERVATIONS, "unit_scores": UNIT_SCORES, "task_status": TASK_STATUS, "targets": TARGETS}


UNREAD = {"value", "score", "progress_pct", "plan_no", "target_value"}


CHUNK = 20_000          # rows pandera checks at a time, at first and once a row has failed
BIGGEST_CHUNK = 160_000  # while every row so far passed, each chunk doubles up to this
ENOUGH = 1_000          # failing rows after which the rest of a file is not checked (the report lists as many)


def failures(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    """(row position, problem code, column) of every failed check; empty when the frame is valid.
    The frame is checked in chunks (duplicate keys against the whole file) and the checking stops
    once ENOUGH rows have failed: a file of a million repeated keys is refused in a second, not
    listed in full. attrs['checked'] then holds how many rows were checked. A chunk that passes
    doubles the next one (a valid million rows: 9 validations instead of 50); after a failure they
    stay small, so that no chunk holds a huge number of failures."""
    frame = frame.assign(key_unique=_unique_keys(frame))
    found, failing, start, size = [], 0, 0, CHUNK
    while start < len(frame):
        part = _failures(kind, frame.iloc[start:start + size])
        found.append(part.assign(position=part["position"] + start))
        failing += part["position"].nunique()
        start += size
        if failing >= ENOUGH and start < len(frame):
            out = _joined(found)
            out.attrs["checked"] = start
            return out
        size = CHUNK if failing else min(2 * size, BIGGEST_CHUNK)
    return _joined(found)


def _joined(found: list[pd.DataFrame]) -> pd.DataFrame:
    found = [part for part in found if len(part)]
    if not found:
        return pd.DataFrame(columns=["position", "code", "column"])
    out = pd.concat(found, ignore_index=True)
    return out.assign(position=out["position"].astype("int64"))


def _failures(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    try:
        SCHEMAS[kind].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        cases = cases[cases["index"].notna()]
        out = []
        for column, check, value, index in zip(cases["column"], cases["check"].astype(str), cases["failure_case"],
                                               cases["index"].astype(int)):
            if ":" in check:                              # a frame check: '<problem>:<column>'
                code, name = check.split(":", 1)
            else:                                         # a state: 1 missing, 2 not understood
                name = str(column).removesuffix("_state")
                code = "missing" if value == 1 else ("unread_number" if name in UNREAD else "unresolved")
            out.append((index, code, name))
        return pd.DataFrame(out, columns=["position", "code", "column"]).drop_duplicates(ignore_index=True)
    return pd.DataFrame(columns=["position", "code", "column"])
