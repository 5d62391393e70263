"""status, reporting, uploads, rollback, export and demo."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pandas as pd

from cantho_dash import config
from cantho_dash.cli.common import num, open_store
from cantho_dash.store import engine as db
from cantho_dash.store.bootstrap import ensure_ready
from cantho_dash.cli.imports import user_of, writer_unit
from cantho_dash.facts import targets as target_facts
from cantho_dash.facts import tasks as task_facts
from cantho_dash.store import accounts as auth, demo, versions
from cantho_dash.words.formats import fmt_number
from cantho_dash.words.messages import both


def cmd_status(args) -> int:
    """Print every target's status."""
    targets = target_facts.target_status(open_store(), args.as_of)
    records = [{"code": r["code"], "value": num(r["value"]),
                "period": r["period"] if isinstance(r["period"], str) else None,
                "target_value": num(r["target_value"]), "status": r["status"], "expected": num(r["expected"]),
                "projected": num(r["projected"]),
                **({"parts": r["parts"]} if isinstance(r["parts"], list) else {})}
               for _, r in targets.iterrows()]
    if args.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"{'code':8} {'value':>9} {'period':8} {'target':>8} {'status':10} {'expected':>9} {'projected':>9}")
    for r in records:
        print(f"{r['code']:8} {fmt_number(r['value'], 2):>9} {r['period'] or '–':8} {fmt_number(r['target_value'], 1):>8} "
              f"{r['status']:10} {fmt_number(r['expected'], 2):>9} {fmt_number(r['projected'], 2):>9}")
    return 0


def cmd_export(args) -> int:
    """Write the meeting pack into a folder."""
    from cantho_dash.export import pack, report
    from cantho_dash.export import png as export

    try:
        paths = pack.write(open_store(), Path(args.out), args.as_of, args.lang, args.size, with_pptx=args.pptx,
                           with_docx=args.docx, since=args.since, issuer=report.issuer_of(config.settings()))
    except export.ExportUnavailable as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    return 0


def cmd_demo(args) -> int:
    """Load or clear the demo data."""
    engine = db.make_engine(config.settings().db_url)
    ensure_ready(engine, config.Settings(load_demo=False))
    if args.clear:
        cleared = demo.clear(engine)
        print(both("demo_cleared", cleared=cleared))
        return 0
    if demo.active(engine):
        print(both("demo_present"))
        return 0
    ids = demo.load(engine)
    print(both("demo_loaded", numbers=", ".join(map(str, ids)), ids=ids))
    return 0


def reporting_as_of(month: str | None, default: date) -> date:
    """The as-of date whose reporting month is month (YYYY-MM): today's for the month just ended, the
    end of the month after it for an earlier one."""
    from cantho_dash.domain.periods import parse_period
    from cantho_dash.domain.tasks import reporting_month

    if not month:
        return default
    period = parse_period(month)
    current, _ = reporting_month(default)
    if period.kind != "M" or period.start > current.start:
        raise ValueError(month)
    if period == current:
        return default
    after = period.end + pd.Timedelta(days=1)
    return (after + pd.offsets.MonthEnd(0)).date()


def cmd_reporting(args) -> int:
    """Print every unit's monthly reporting: owed, reported, missing, state."""
    try:
        as_of = reporting_as_of(args.month, args.as_of)
    except Exception:  # noqa: BLE001 - a month that cannot be read, or one not ended yet
        print(both("month_unreadable", month=args.month), file=sys.stderr)
        return 2
    frame = task_facts.reporting(open_store(), as_of)
    from cantho_dash.domain.tasks import reporting_month

    month, deadline = reporting_month(as_of)
    records = [{"unit_code": r.unit_code, "unit_type": r.unit_type, "name": r.name_vi, "owed": int(r.owed),
                "reported": int(r.reported), "missing": int(r.missing), "state": r.state}
               for r in frame.itertuples()]
    if args.json:
        json.dump({"month": month.code, "deadline": deadline.isoformat(), "as_of": as_of.isoformat(), "units": records},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(both("reporting_heading", label_vi=month.label(), label_en=month.label("en"), deadline=deadline, as_of=as_of))
    for kind, title in (("department", both("heading_departments")), ("ward", both("heading_wards"))):
        print(f"\n{title}")
        print(f"{'code':10} {'state':9} {'owed':>5} {'in':>5} {'missing':>7}  name")
        for r in (r for r in records if r["unit_type"] == kind):
            print(f"{r['unit_code']:10} {r['state']:9} {r['owed']:>5} {r['reported']:>5} {r['missing']:>7}  {r['name']}")
    return 0


def cmd_uploads(args) -> int:
    """Print the upload history."""
    history = versions.history(open_store())
    print(f"{'id':>4} {'kind':13} {'status':11} {'rows':>8} {'new':>7} {'changed':>7} {'by':12} {'at':19} file")
    for r in history.itertuples():
        print(f"{r.id:>4} {r.kind:13} {r.status:11} {r.rows_total:>8} {count(r.rows_new):>7} {count(r.rows_changed):>7} "
              f"{r.uploaded_by[:12]:12} {str(r.uploaded_at)[:19]:19} {r.filename or ''}")
    return 0


def count(value) -> str:
    return "–" if pd.isna(value) else str(int(value))


def cmd_rollback(args) -> int:
    """Roll an upload back, or undo the rollback."""
    engine = open_store()
    try:
        unit = writer_unit(args)
        if args.undo:
            versions.restore(engine, args.id, user_of(args), unit)
            print(both("upload_restored", upload=args.id))
        else:
            versions.rollback(engine, args.id, user_of(args), unit)
            print(both("upload_rolled_back", upload=args.id))
    except (versions.UploadActionError, auth.AccountError) as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0
