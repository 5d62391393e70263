"""Settings, read from environment variables (see README, 'Configuration')."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
CATALOG_DIR = DATA_DIR / "catalog"
SQL_DIR = ROOT / "sql"


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Settings:
    """What an installation can change without touching the code."""

    db_url: str = field(default_factory=lambda: os.environ.get(
        "CANTHO_DB_URL", f"duckdb:///{(DATA_DIR / 'cantho.duckdb').as_posix()}"))
    upload_dir: Path = field(default_factory=lambda: Path(os.environ.get("CANTHO_UPLOAD_DIR", DATA_DIR / "uploads")))
    max_upload_mb: int = field(default_factory=lambda: int(os.environ.get("CANTHO_MAX_UPLOAD_MB", "50")))
    stale_days: int = field(default_factory=lambda: int(os.environ.get("CANTHO_STALE_DAYS", "45")))
    load_demo: bool = field(default_factory=lambda: _flag("CANTHO_LOAD_DEMO", True))
    # A basemap for the ward map, when the server has internet: carto-dark or carto-light.
    basemap: str = field(default_factory=lambda: os.environ.get("CANTHO_BASEMAP", ""))
    # Ward polygons (GeoJSON) for the map; an admin's upload is kept at data/boundaries.geojson.
    wards_geojson: Path = field(default_factory=lambda: Path(os.environ.get("CANTHO_WARDS_GEOJSON",
                                                                             DATA_DIR / "boundaries.geojson")))
    # The accounts file (see cantho_dash/auth.py); `python -m cantho_dash users add` writes it.
    users_file: Path = field(default_factory=lambda: Path(os.environ.get("CANTHO_USERS_FILE", DATA_DIR / "users.json")))
    # On: every page needs a signed-in account (any role). Off (default): viewing is open.
    login_required: bool = field(default_factory=lambda: _flag("CANTHO_LOGIN_REQUIRED", False))
    # A fixed as-of date (YYYY-MM-DD) for a reproducible briefing; empty means today.
    as_of: str = field(default_factory=lambda: os.environ.get("CANTHO_AS_OF", ""))
    # The monthly report's issuing body, the body above it, and who signs (Plan 224's secretariat).
    report_issuer: str = field(default_factory=lambda: os.environ.get("CANTHO_REPORT_ISSUER", "Sở Khoa học và Công nghệ"))
    report_parent: str = field(default_factory=lambda: os.environ.get("CANTHO_REPORT_PARENT",
                                                                      "Ủy ban nhân dân thành phố Cần Thơ"))
    report_signer: str = field(default_factory=lambda: os.environ.get("CANTHO_REPORT_SIGNER", "Giám đốc"))
    report_signer_name: str = field(default_factory=lambda: os.environ.get("CANTHO_REPORT_SIGNER_NAME", ""))
    report_code: str = field(default_factory=lambda: os.environ.get("CANTHO_REPORT_CODE", "SKHCN"))


def settings() -> Settings:
    """The settings of this process, read afresh from the environment."""
    return Settings()


TZ_NAME = "Asia/Ho_Chi_Minh"


def now():
    """The wall-clock time in Cần Thơ, without tzinfo (as stored)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(TZ_NAME)).replace(tzinfo=None, microsecond=0)


def today():
    """Today's date in Cần Thơ."""
    return now().date()


def default_as_of():
    """The as-of date pages and commands start from: CANTHO_AS_OF if set, else today."""
    from datetime import date

    fixed = settings().as_of
    return date.fromisoformat(fixed) if fixed else today()
