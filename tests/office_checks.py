"""What the office-file tests share: a store with its own upload folder, and importing a file,
reading back what it stored, or checking that it was refused and left the store as it was."""
from __future__ import annotations

import pytest

from cantho_dash.ingest import pipeline
from cantho_dash.store import queries

OBS = ["indicator_code", "area_code", "period", "value"]


def imported(engine, data: bytes, name: str = "bao_cao.xlsx"):
    checked = pipeline.import_file(engine, data, name, "tester")
    return checked


def stored(engine, upload_id: int, kind: str = "observations") -> list[tuple]:
    from cantho_dash.store import engine as db

    with engine.connect() as conn:
        frame = db.read(conn, f"current_{kind}")
    frame = frame[frame["upload_id"] == upload_id]
    columns = {"observations": OBS, "unit_scores": ["unit_code", "period", "pillar", "score"],
               "task_status": ["task_no", "period", "status", "progress_pct"]}[kind]
    return sorted(tuple(round(v, 6) if isinstance(v, float) else v for v in row)
                  for row in frame[columns].itertuples(index=False))


def refused(engine, data: bytes, name: str = "bao_cao.xlsx"):
    before = queries.checksums(engine)
    with pytest.raises(pipeline.Rejected) as rejected:
        pipeline.import_file(engine, data, name, "tester")
    assert queries.checksums(engine) == before
    return rejected.value.report
