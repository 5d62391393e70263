"""Targets as the pages, the wall and the pack show them: the catalog joined with the current values
and their status on an as-of date."""
from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy.engine import Engine

from cantho_dash import config
from cantho_dash.domain import catalog, status
from cantho_dash.domain.catalog import CITY
from cantho_dash.store import queries


def rules() -> status.Rules:
    """The status rules with this installation's settings."""
    return status.Rules(stale_days=config.settings().stale_days)


def indicator_catalog(engine: Engine) -> pd.DataFrame:
    """The measurable series of the current catalog (targets, or their parts)."""
    return catalog.indicators(queries.targets(engine), queries.target_parts(engine))


def indicator_status(engine: Engine, as_of: date, area_code: str = CITY) -> pd.DataFrame:
    """Status of every indicator (parts included) in one area."""
    specs = indicator_catalog(engine)
    series = queries.area_series(engine, as_of, area_code)
    return status.evaluate(series, specs, as_of, rules()).pipe(with_labels, queries.target_labels(engine))


def target_status(engine: Engine, as_of: date, overlay: pd.DataFrame | None = None,
                  targets: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per target of the catalog, with its status and the agencies that lead it.

    overlay (code, period, period_end, value) and targets let a preview show the statuses that
    an upload would give, before it is committed.
    """
    targets = queries.targets(engine) if targets is None else targets
    specs = catalog.indicators(targets, queries.target_parts(engine))
    history = queries.area_series(engine, as_of, CITY)
    if overlay is not None and len(overlay):
        history = (pd.concat([history, overlay], ignore_index=True)
                   .drop_duplicates(["code", "period"], keep="last"))
    per_indicator = status.evaluate(history, specs, as_of, rules())
    combined = status.combine_parts(per_indicator, specs)
    keep = ["code", "period", "period_end", "value", "baseline", "baseline_end", "expected", "projected",
            "behind", "pace_gap", "age_days", "met", "status", "parts", "decided_by"]
    out = targets.merge(combined[keep], on="code", how="left").pipe(with_labels, queries.target_labels(engine))
    index = catalog.agency_index()
    out["lead_codes"] = out["lead_agency"].map(lambda cell: [index.code(n) or n for n in catalog.split_agency_list(cell)])
    return out.sort_values("plan_no", ignore_index=True)


def with_labels(frame: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Add short_vi/short_en to rows keyed by code; a code without a label is its own label."""
    out = frame.drop(columns=["short_vi", "short_en"], errors="ignore").merge(labels, on="code", how="left")
    for col in ("short_vi", "short_en"):
        out[col] = out[col].fillna(out["code"])
    return out


def series(engine: Engine, as_of: date, area_code: str = CITY) -> pd.DataFrame:
    """The value history of every indicator in one area (for trend charts)."""
    return queries.area_series(engine, as_of, area_code)
