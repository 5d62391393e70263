"""What a check of an upload gives (Checked), and the two refusals of a write."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy.engine import Engine

from cantho_dash.ingest.stage import Staged
from cantho_dash.store import engine as db
from cantho_dash.words.messages import both, pair


class Rejected(ValueError):
    """The upload has problems; nothing was written. .report lists them."""

    def __init__(self, problems: pd.DataFrame):
        super().__init__(f"{len(problems)} problems")
        self.report = problems


class DuplicateUpload(ValueError):
    """The same file (same SHA-256) was imported before; nothing was written."""

    def __init__(self, first: dict):
        when = pd.Timestamp(first["uploaded_at"]).strftime("%H:%M %d/%m/%Y")
        more_vi, more_en = pair("duplicate_rolled_back") if first.get("status") == "rolled_back" else ("", "")
        super().__init__(both("duplicate_upload", when=when, upload=first["id"], by=first["uploaded_by"],
                              more_vi=more_vi, more_en=more_en))
        self.first = first


@dataclass
class Checked:
    """A checked upload: its problems, or what committing it would change."""

    staged: Staged
    filename: str
    sha256: str
    data: bytes = field(repr=False)
    duplicate_of: dict | None = None
    counts: dict | None = None
    top_changes: pd.DataFrame | None = None
    status_changes: pd.DataFrame | None = None
    data_version: int | None = None     # the store's version the counts were taken against
    upload_id: int | None = None        # once committed
    unit: str | None = None             # the writer's reporting unit (None: a city analyst)
    requested: str | None = None        # the kind the writer chose (None: recognised from the header)

    @property
    def kind(self) -> str | None:
        return self.staged.kind

    @property
    def problems(self) -> pd.DataFrame:
        return self.staged.problems

    @property
    def ok(self) -> bool:
        """Whether commit() will write it."""
        return self.staged.ok and self.duplicate_of is None


def safe_filename(name: str | None) -> str:
    """The uploaded name as plain text for the audit: NFC, no control characters or path, at most 200 chars."""
    text = unicodedata.normalize("NFC", str(name or ""))
    text = re.sub(r"[\x00-\x1f\x7f]", "", text).replace("\\", "/").rsplit("/", 1)[-1]
    return text[:200] or "(không tên)"


def duplicate(engine: Engine, sha256: str) -> dict | None:
    """The upload that had these very bytes, if any."""
    with engine.connect() as conn:
        found = db.read(conn, "upload_by_sha", sha256=sha256)
    return None if found.empty else found.iloc[0].to_dict()
