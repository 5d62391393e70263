"""import: check a file and commit it (all or nothing), as the Upload page does."""
from __future__ import annotations

import getpass
import sys
from pathlib import Path

import pandas as pd

from cantho_dash import config
from cantho_dash.cli.common import open_store
from cantho_dash.ingest import pipeline, report
from cantho_dash.ingest import summary as read_summary
from cantho_dash.store import accounts as auth
from cantho_dash.store import archive
from cantho_dash.words.messages import both


def user_of(args) -> str:
    return args.user or getpass.getuser()


def writer_unit(args) -> str | None:
    """The reporting unit whose rights --user has: an account's unit (None for a city analyst). A name
    that is no account is the server's operator (who has the store in hand anyway) and writes as the city.
    A viewer or a disabled account may not write (AccountError)."""
    if not args.user:
        return None
    account = auth.Accounts(config.settings().users_file).get(args.user)
    if account is None:
        return None
    if account.disabled or not auth.allows(account.role, "analyst"):
        raise auth.AccountError(both("account_may_not_write", name=account.name))
    return account.unit


def refused(problems: pd.DataFrame, report_path: str | None) -> int:
    print(both("file_rejected", count=len(problems)), file=sys.stderr)
    print(report.as_text(problems, limit=None), file=sys.stderr)
    if report_path:
        Path(report_path).write_bytes(report.to_csv(problems))
    return 2


def summary(checked) -> str:
    counts, rows = checked.counts, checked.staged.rows
    summary = both("import_counts", rows=rows, kind=checked.kind, new=counts["new"], changed=counts["changed"],
                   unchanged=counts["unchanged"])
    ignored = list(dict.fromkeys(h for part in checked.staged.each if part.table for h in part.table.ignored))
    if ignored:
        summary += "\n  " + both("columns_left_out", columns=", ".join(h or "–" for h in ignored))
    for vi, en in read_summary.lines(checked.staged.book):
        summary += f"\n  {vi} / {en}"
    for row in (checked.status_changes if checked.status_changes is not None else pd.DataFrame()).itertuples():
        summary += f"\n  {row.code}: {row.status_before or '–'} → {row.status_after}"
    return summary


def cmd_import(args) -> int:
    """Check a file and, unless --dry-run, commit it (all or nothing, in one transaction)."""
    path = Path(args.file)
    if not path.is_file():
        print(both("file_missing", file=args.file), file=sys.stderr)
        return 2
    try:
        unit = writer_unit(args)
    except auth.AccountError as exc:
        print(exc, file=sys.stderr)
        return 2
    engine = open_store()
    data = path.read_bytes()
    try:
        if args.dry_run:
            return _dry_run(engine, data, path, unit, args)
        checked = pipeline.import_file(engine, data, path.name, user_of(args), args.kind, path=path, unit=unit)
    except pipeline.DuplicateUpload as duplicate:
        print(duplicate)
        return 0
    except pipeline.Rejected as rejected:
        return refused(rejected.report, args.report)
    except archive.DiskFull as full:              # the store, the archive or the staging folder
        print(full.strerror, file=sys.stderr)
        return 2
    print(f"{both('imported', upload=checked.upload_id)}\n{summary(checked)}")
    return 0


def _dry_run(engine, data: bytes, path: Path, unit: str | None, args) -> int:
    checked = pipeline.check(engine, data, path.name, args.kind, as_of=args.as_of, unit=unit)
    if checked.duplicate_of:
        print(pipeline.DuplicateUpload(checked.duplicate_of))
        return 0
    if not checked.ok:
        return refused(checked.problems, args.report)
    print(f"{both('dry_run_checked')}\n{summary(checked)}")
    return 0
