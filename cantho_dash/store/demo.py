"""Demo data, clearly labelled as such ('Dữ liệu minh họa'), deterministic.

City-wide values January–October 2026 for the targets, ward-level values for five targets that
make sense by ward, DTI-like scores for departments and wards in 2025 and 2026-H1, and task
statuses. The figures are invented; each profile is chosen so that, on 25/11/2026, every status
occurs: one target is reported only quarterly and so is stale, and one (XHS-05, certificates that
are only awarded at year-end) has no value yet.
"""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine

from cantho_dash.domain import catalog
from cantho_dash.store import engine as db
from cantho_dash.domain.catalog import CITY
from cantho_dash.store.versions import clear_demo, commit_frame
from cantho_dash.domain.periods import Period, month

SEED = 224
DEMO_USER = "demo"
DEMO_LABEL = "Dữ liệu minh họa"
MONTHS = [month(2026, m) for m in range(1, 11)]

# indicator: (January value, October value); the path between is filled in month by month.
CITY_PROFILES = {
    "CQS-01": (86.0, 98.9), "CQS-02": (55.0, 71.2), "CQS-03": (72.0, 91.5), "CQS-04": (80.0, 98.2),
    "CQS-05": (35.0, 49.0), "CQS-06": (60.0, 93.0), "CQS-07": (86.5, 91.8), "CQS-08": (12.0, 38.0),
    "CQS-09": (90.0, 99.1), "CQS-10": (75.0, 96.5), "CQS-11": (52.0, 77.5), "CQS-12": (0.2, 0.85),
    "CQS-13": (70.0, 95.0), "CQS-14": (82.0, 100.0), "CQS-15a": (75.0, 100.0), "CQS-15b": (40.0, 78.0),
    "KTS-02": (38.0, 58.9), "KTS-03": (70.0, 82.5), "KTS-04": (58.0, 71.0),
    "XHS-01": (30.0, 52.0), "XHS-02": (62.0, 79.0), "XHS-03": (68.0, 79.0), "XHS-04": (55.0, 84.0),
    "XHS-06": (45.0, 88.0), "XHS-07": (82.0, 93.9), "XHS-08": (14.0, 31.5), "XHS-09": (78.0, 93.5),
    "XHS-10": (85.0, 100.0), "XHS-11": (80.0, 98.5),
}
# The digital economy's share of GRDP is only estimated quarterly.
QUARTERLY = {"KTS-01": [(Period(2026, "Q", 1), 7.6), (Period(2026, "Q", 2), 8.0), (Period(2026, "Q", 3), 8.3)]}
# Ward-level indicators: online public services, cashless payments, fibre, VNeID, e-health records.
WARD_INDICATORS = tuple(sorted(catalog.read_ward_series()))
DTI_PERIODS = (Period(2025, "Y"), Period(2026, "H", 1))
DTI_WEIGHTS = {"CQS": 0.4, "KTS": 0.3, "XHS": 0.3}
OBSERVATION_COLUMNS = ["indicator_code", "area_code", "period", "period_start", "period_end", "value"]


def _series(start: float, end: float, steps: int, rng: np.random.Generator, noise: float) -> np.ndarray:
    """A gently curved path from start to end with small noise; the ends are exact."""
    t = np.linspace(0, 1, steps)
    path = start + (end - start) * (t ** rng.uniform(0.8, 1.2))
    path[1:-1] += rng.normal(0, noise, steps - 2)
    return path


def city_observations(rng: np.random.Generator) -> pd.DataFrame:
    """City-wide monthly values."""
    rows = []
    for code, (start, end) in CITY_PROFILES.items():
        milestone = code == "CQS-12"
        values = _series(start, end, len(MONTHS), rng, 0.0 if milestone else 0.4)
        for period, value in zip(MONTHS, values):
            value = round(value * 20) / 20 if milestone else round(float(np.clip(value, 0, 100)), 1)
            rows.append((code, CITY, period.code, period.start, period.end, value))
    for code, points in QUARTERLY.items():
        rows += [(code, CITY, p.code, p.start, p.end, v) for p, v in points]
    return pd.DataFrame(rows, columns=OBSERVATION_COLUMNS)


def ward_observations(rng: np.random.Generator, wards: pd.DataFrame) -> pd.DataFrame:
    """Ward-level monthly values; a few wards have not reported at all, or not since July."""
    rows = []
    for code in WARD_INDICATORS:
        start, end = CITY_PROFILES[code]
        for ward in wards.itertuples():
            urban = ward.ward_type == "phuong"
            level = rng.normal(4.0 if urban else -2.0, 5.0)
            months = MONTHS
            draw = rng.random()
            if draw < 0.04:
                continue  # no value at all: grey on the map
            if draw < 0.09:
                months = MONTHS[:7]  # stopped reporting after July: stale
            growth = rng.uniform(0.6, 1.35)
            values = _series(start + level, start + level + (end - start) * growth, len(MONTHS), rng, 0.5)
            for period, value in zip(months, values):
                rows.append((code, ward.code, period.code, period.start, period.end,
                             round(float(np.clip(value, 0, 100)), 1)))
    return pd.DataFrame(rows, columns=OBSERVATION_COLUMNS)


def unit_scores(rng: np.random.Generator, wards: pd.DataFrame, agencies: pd.DataFrame) -> pd.DataFrame:
    """DTI-like scores (0-100) by pillar and in total, for departments and wards, in two periods."""
    departments = agencies[(agencies["agency_type"] == "department") & ~agencies["collective"]]
    units = [(code, "agency", rng.normal(62, 9)) for code in departments["code"]]
    units += [(row.code, "ward", rng.normal(58 if row.ward_type == "phuong" else 50, 8))
              for row in wards.itertuples()]
    rows = []
    for code, kind, level in units:
        for i, period in enumerate(DTI_PERIODS):
            shift = 0.0 if i == 0 else rng.normal(3.0, 5.0)
            pillars = {p: float(np.clip(level + shift + rng.normal(0, 6), 5, 98)) for p in DTI_WEIGHTS}
            pillars["TONG"] = sum(DTI_WEIGHTS[p] * v for p, v in pillars.items())
            rows += [(code, kind, period.code, period.start, period.end, p, round(v, 2)) for p, v in pillars.items()]
    return pd.DataFrame(rows, columns=["unit_code", "unit_kind", "period", "period_start", "period_end", "pillar", "score"])


# Lead agencies that have not yet reported on October: their tasks' statuses stop in September.
LATE_REPORTERS = ("Thành đoàn", "Quỹ Đầu tư phát triển thành phố", "Ban QLDA ĐTXDCT dân dụng và công nghiệp thành phố")


def task_statuses(rng: np.random.Generator, tasks: pd.DataFrame) -> pd.DataFrame:
    """Monthly status of every task: done on time, done late, overdue, blocked, ongoing."""
    rows = []
    for task in tasks.itertuples():
        late = any(name in task.lead_agency for name in LATE_REPORTERS)
        due = pd.Timestamp(task.due_date) if pd.notna(task.due_date) else None
        start = int(rng.integers(1, 4))
        finish = None
        if due is not None:
            lateness = rng.choice([-2, -1, 0, 0, 1, 3, 99], p=[0.1, 0.15, 0.2, 0.05, 0.1, 0.1, 0.3])
            finish = due.month + int(lateness)
        stuck = rng.random() < 0.08
        for period in MONTHS[:-1] if late else MONTHS:
            m = period.number
            if m < start:
                status, progress = "not_started", 0.0
            elif finish is not None and m >= finish:
                status, progress = "done", 100.0
            else:
                span = max((finish or 13) - start, 1)
                progress = round(min(95.0, 100.0 * (m - start + 1) / (span + 1)), 0)
                status = "blocked" if stuck and m >= start + 2 else "in_progress"
            rows.append((task.task_no, period.code, period.start, period.end, status, progress))
    return pd.DataFrame(rows, columns=["task_no", "period", "period_start", "period_end", "status", "progress_pct"])


def build() -> dict[str, pd.DataFrame]:
    """All demo frames, the same on every run."""
    rng = np.random.default_rng(SEED)
    wards = catalog.read_wards()
    observations = pd.concat([city_observations(rng), ward_observations(rng, wards)], ignore_index=True)
    return {
        "observations": observations.assign(source=DEMO_LABEL),
        "unit_scores": unit_scores(rng, wards, catalog.read_agencies()),
        "task_status": task_statuses(rng, catalog.read_tasks()),
    }


def load(engine: Engine) -> list[int]:
    """Commit the demo frames as demo uploads and return their ids."""
    ids = []
    for kind, frame in build().items():
        digest = hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()
        ids.append(commit_frame(engine, kind, frame, user=DEMO_USER, filename=DEMO_LABEL, sha256=digest,
                                is_demo=True))
    return ids


def clear(engine: Engine) -> int:
    """Remove the demo rows; returns how many demo uploads were cleared."""
    return clear_demo(engine, DEMO_USER)


def active(engine: Engine) -> bool:
    """Whether demo rows are part of what the pages show."""
    with engine.connect() as conn:
        return bool(db.scalar(conn, "demo_active"))
