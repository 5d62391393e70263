"""First start: schema, catalog and demo data, so that `streamlit run app.py` needs nothing else."""
from __future__ import annotations

import hashlib

from sqlalchemy.engine import Engine

from cantho_dash.domain import catalog
from cantho_dash.store import engine as db
from cantho_dash.store import archive, migrate
from cantho_dash.config import CATALOG_DIR, Settings, now
from cantho_dash.store.versions import commit_frame

REFERENCE_TABLES = ("pillars", "agencies", "wards", "tasks", "target_parts", "target_labels")


def _catalog_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(CATALOG_DIR.glob("*.csv")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def get_meta(engine: Engine, key: str) -> str | None:
    """A value of the meta table."""
    with engine.connect() as conn:
        return db.scalar(conn, "meta_value", key=key)


def set_meta(conn, key: str, value: str) -> None:
    """Set a value of the meta table."""
    db.execute(conn, "delete_meta", key=key)
    db.execute(conn, "set_meta", key=key, value=value)


def load_reference(engine: Engine) -> None:
    """(Re)load pillars, agencies, wards, tasks, target parts and labels from data/catalog and vietnamadminunits."""
    frames = {"pillars": catalog.read_pillars(), "agencies": catalog.read_agencies(), "wards": catalog.read_wards(),
              "tasks": catalog.read_tasks(), "target_parts": catalog.read_target_parts(),
              "target_labels": catalog.read_target_labels()}
    with db.WRITE_LOCK, engine.begin() as conn:
        for table in REFERENCE_TABLES:
            db.execute(conn, f"clear_{table}")
            db.bulk_insert(conn, table, frames[table])


def ensure_ready(engine: Engine, settings: Settings) -> bool:
    """Bring the schema up to date (migrate.py); on a new store load the catalog (and the demo data);
    return True if it was new."""
    migrate.upgrade(engine)
    with db.WRITE_LOCK:
        fresh = get_meta(engine, "initialised_at") is None
        digest = _catalog_hash()
        if fresh or get_meta(engine, "catalog_sha256") != digest:
            load_reference(engine)
            targets_changed = fresh or get_meta(engine, "targets_sha256") != _targets_hash()
            if targets_changed:
                commit_frame(engine, "targets", catalog.read_targets(), user="system",
                             filename="data/catalog/targets.csv", sha256=_targets_hash())
            with engine.begin() as conn:
                set_meta(conn, "catalog_sha256", digest)
                set_meta(conn, "targets_sha256", _targets_hash())
        if fresh:
            if settings.load_demo:
                from cantho_dash.store import demo

                demo.load(engine)
            with engine.begin() as conn:
                set_meta(conn, "initialised_at", now().isoformat())
    clean_archive(engine)
    return fresh


def clean_archive(engine: Engine) -> list[str]:
    """Remove archived files that no committed upload owns (see archive.clean)."""
    with engine.connect() as conn:
        kept = set(db.read(conn, "archived_sha256")["sha256"])
    return archive.clean(kept)


def _targets_hash() -> str:
    return hashlib.sha256((CATALOG_DIR / "targets.csv").read_bytes()).hexdigest()
