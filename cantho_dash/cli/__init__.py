"""The command line for IT staff: python -m cantho_dash <command>.

  status [--json] [--as-of DATE]               each target's latest value, status, expected and projection
  import FILE [--kind K] [--dry-run] [--user NAME] [--report CSV]
                                               check a CSV/Excel file and commit it (exit 2 if rejected)
  reporting [--json] [--month YYYY-MM]         every unit's monthly reporting: owed, reported, late
  uploads                                      the upload history
  rollback ID [--undo] [--user NAME]           roll an upload back (or undo that rollback)
  export --out DIR [--pptx] [--size 1920x1080] [--lang vi|en] [--as-of DATE]
                                               the meeting pack: a PNG per chart, a ZIP, and the PPTX
  demo [--clear]                               load (or remove) the labelled demo data
  users add NAME --role viewer|analyst|admin [--unit CODE] [--oidc]
                                               a new account; asks for the password (or reads one
                                               line from stdin when that is not a terminal)
  users list | passwd NAME | role NAME ROLE | unit NAME CODE|- | disable NAME | enable NAME | remove NAME

Exit codes: 0 done, 1 no browser for export, 2 rejected or refused (nothing written), 3 the database
is held by another process.
"""
from __future__ import annotations

import argparse
import getpass
import json
import math
import signal
import sys
from datetime import date
from pathlib import Path

import pandas as pd

from cantho_dash.store import accounts as auth, engine as db, demo
from cantho_dash import config
from cantho_dash.store.bootstrap import ensure_ready
from cantho_dash.words.formats import fmt_number
from cantho_dash.store import versions
from cantho_dash.ingest import pipeline, report
from cantho_dash.ingest import summary as read_summary
from cantho_dash.domain.scope import unit_names
from cantho_dash.facts import tasks as task_facts
from cantho_dash.facts import targets as target_facts


def _engine():
    engine = db.make_engine(config.settings().db_url)
    ensure_ready(engine, config.settings())
    return engine


def _num(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else round(float(value), 4)


def cmd_status(args) -> int:
    """Print every target's status."""
    targets = target_facts.target_status(_engine(), args.as_of)
    records = [{"code": r["code"], "value": _num(r["value"]),
                "period": r["period"] if isinstance(r["period"], str) else None,
                "target_value": _num(r["target_value"]), "status": r["status"], "expected": _num(r["expected"]),
                "projected": _num(r["projected"]),
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
    from cantho_dash.export import png as export, pack

    try:
        paths = pack.write(_engine(), Path(args.out), args.as_of, args.lang, args.size, with_pptx=args.pptx)
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
        print(f"Đã xóa dữ liệu minh họa ({cleared} lần nạp). / Demo data cleared ({cleared} uploads).")
        return 0
    if demo.active(engine):
        print("Dữ liệu minh họa đã có sẵn. / Demo data is already loaded.")
        return 0
    ids = demo.load(engine)
    print(f"Đã nạp dữ liệu minh họa (lần nạp {', '.join(map(str, ids))}). / Demo data loaded (uploads {ids}).")
    return 0


def _user(args) -> str:
    return args.user or getpass.getuser()


def _writer_unit(args) -> str | None:
    """The reporting unit whose rights --user has: an account's unit (None for a city analyst). A name
    that is no account is the server's operator (who has the store in hand anyway) and writes as the city.
    A viewer or a disabled account may not write (AccountError)."""
    if not args.user:
        return None
    account = auth.Accounts(config.settings().users_file).get(args.user)
    if account is None:
        return None
    if account.disabled or not auth.allows(account.role, "analyst"):
        raise auth.AccountError(f"Tài khoản {account.name} không được ghi số liệu (cần vai trò analyst, đang hoạt động). / "
                                f"The account {account.name} may not write figures (an enabled analyst is needed).")
    return account.unit


def _refused(problems: pd.DataFrame, report_path: str | None) -> int:
    print(f"Tệp bị từ chối: {len(problems)} vấn đề; không ghi gì vào cơ sở dữ liệu.\n"
          f"Rejected: {len(problems)} problems; nothing was written.", file=sys.stderr)
    print(report.as_text(problems, limit=None), file=sys.stderr)
    if report_path:
        Path(report_path).write_bytes(report.to_csv(problems))
    return 2


def _summary(checked) -> str:
    counts, rows = checked.counts, checked.staged.rows
    summary = (f"{rows} dòng ({checked.kind}): {counts['new']} mới, {counts['changed']} thay đổi, "
               f"{counts['unchanged']} không đổi / {rows} rows: {counts['new']} new, "
               f"{counts['changed']} changed, {counts['unchanged']} unchanged")
    ignored = list(dict.fromkeys(h for part in checked.staged.each if part.table for h in part.table.ignored))
    if ignored:
        summary += f"\n  Cột bỏ qua / columns left out: {', '.join(h or '–' for h in ignored)}"
    for vi, en in read_summary.lines(checked.staged.book):
        summary += f"\n  {vi} / {en}"
    for row in (checked.status_changes if checked.status_changes is not None else pd.DataFrame()).itertuples():
        summary += f"\n  {row.code}: {row.status_before or '–'} → {row.status_after}"
    return summary


def cmd_import(args) -> int:
    """Check a file and, unless --dry-run, commit it (all or nothing, in one transaction)."""
    path = Path(args.file)
    if not path.is_file():
        print(f"Không có tệp '{args.file}'. / There is no file '{args.file}'.", file=sys.stderr)
        return 2
    try:
        unit = _writer_unit(args)
    except auth.AccountError as exc:
        print(exc, file=sys.stderr)
        return 2
    engine = _engine()
    data = path.read_bytes()
    if args.dry_run:
        checked = pipeline.check(engine, data, path.name, args.kind, as_of=args.as_of, unit=unit)
        if checked.duplicate_of:
            print(pipeline.DuplicateUpload(checked.duplicate_of))
            return 0
        if not checked.ok:
            return _refused(checked.problems, args.report)
        print(f"Kiểm tra xong, chưa ghi (--dry-run). / Checked, not written (--dry-run).\n{_summary(checked)}")
        return 0
    try:
        checked = pipeline.import_file(engine, data, path.name, _user(args), args.kind, path=path, unit=unit)
    except pipeline.DuplicateUpload as duplicate:
        print(duplicate)
        return 0
    except pipeline.Rejected as rejected:
        return _refused(rejected.report, args.report)
    print(f"Đã nhập, lần tải lên số {checked.upload_id}. / Imported as upload {checked.upload_id}.\n{_summary(checked)}")
    return 0


def _reporting_as_of(month: str | None, default: date) -> date:
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
        as_of = _reporting_as_of(args.month, args.as_of)
    except Exception:  # noqa: BLE001 - a month that cannot be read, or one not ended yet
        print(f"Tháng “{args.month}” không đọc được hoặc chưa kết thúc (ghi YYYY-MM). / "
              f"The month “{args.month}” cannot be read or has not ended (write YYYY-MM).", file=sys.stderr)
        return 2
    frame = task_facts.reporting(_engine(), as_of)
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
    print(f"Báo cáo tháng {month.label()} (hạn {deadline:%d/%m/%Y}, tính đến {as_of:%d/%m/%Y}) / "
          f"Reporting on {month.label('en')} (due {deadline:%d %b %Y}, as of {as_of:%d %b %Y})")
    for kind, title in (("department", "Sở, ngành / Departments"), ("ward", "Xã, phường / Wards")):
        print(f"\n{title}")
        print(f"{'code':10} {'state':9} {'owed':>5} {'in':>5} {'missing':>7}  name")
        for r in (r for r in records if r["unit_type"] == kind):
            print(f"{r['unit_code']:10} {r['state']:9} {r['owed']:>5} {r['reported']:>5} {r['missing']:>7}  {r['name']}")
    return 0


def cmd_uploads(args) -> int:
    """Print the upload history."""
    history = versions.history(_engine())
    print(f"{'id':>4} {'kind':13} {'status':11} {'rows':>8} {'new':>7} {'changed':>7} {'by':12} {'at':19} file")
    for r in history.itertuples():
        print(f"{r.id:>4} {r.kind:13} {r.status:11} {r.rows_total:>8} {_count(r.rows_new):>7} {_count(r.rows_changed):>7} "
              f"{r.uploaded_by[:12]:12} {str(r.uploaded_at)[:19]:19} {r.filename or ''}")
    return 0


def _count(value) -> str:
    return "–" if pd.isna(value) else str(int(value))


def cmd_rollback(args) -> int:
    """Roll an upload back, or undo the rollback."""
    engine = _engine()
    try:
        unit = _writer_unit(args)
        if args.undo:
            versions.restore(engine, args.id, _user(args), unit)
            print(f"Đã khôi phục lần tải lên {args.id}. / Upload {args.id} restored.")
        else:
            versions.rollback(engine, args.id, _user(args), unit)
            print(f"Đã hủy lần tải lên {args.id}; các giá trị trước đó có hiệu lực trở lại. / "
                  f"Upload {args.id} rolled back; the values before it are current again.")
    except (versions.UploadActionError, auth.AccountError) as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


def _new_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Mật khẩu / Password: ")
    if first != getpass.getpass("Nhập lại / Again: "):
        raise auth.AccountError("Hai lần nhập không khớp. / The two entries differ.")
    return first


def cmd_users(args) -> int:
    """Manage the accounts file (works while the dashboard runs: accounts are not in the store)."""
    accounts = auth.Accounts(config.settings().users_file)
    try:
        if args.action == "list":
            for a in accounts.all():
                kind = "oidc" if a.password_hash is None else "password"
                unit = f"{a.unit} ({unit_names().get(a.unit, '?')})" if a.unit else "city"
                print(f"{a.name:32} {a.role:8} {kind:8} {'disabled' if a.disabled else 'enabled':8} {a.created_at}  {unit}")
            return 0
        if args.action != "add" and args.name is None:
            raise auth.AccountError("Thiếu tên tài khoản. / The account name is missing.")
        if args.action == "add":
            if args.role is None:
                raise auth.AccountError("Cần --role viewer|analyst|admin. / --role viewer|analyst|admin is needed.")
            auth.check_unit(args.unit)   # before the password is asked
            account = accounts.add(args.name, args.role, None if args.oidc else _new_password(), args.unit)
            where = f", {account.unit} {unit_names()[account.unit]}" if account.unit else ""
            print(f"Đã tạo tài khoản {account.name} ({account.role}{where}). / "
                  f"Account {account.name} ({account.role}{where}) created.")
        elif args.action == "passwd":
            accounts.set_password(args.name, _new_password())
            print(f"Đã đổi mật khẩu của {args.name}. / Password of {args.name} changed.")
        elif args.action == "role":
            if args.value not in auth.ROLES:
                raise auth.AccountError(f"Vai trò phải là một trong {', '.join(auth.ROLES)}. / "
                                        f"The role must be one of {', '.join(auth.ROLES)}.")
            accounts.set_role(args.name, args.value)
            print(f"{args.name}: {args.value}")
        elif args.action == "unit":
            account = accounts.set_unit(args.name, None if args.value in (None, "-", "city") else args.value)
            print(f"{account.name}: {account.unit or 'city'}")
        elif args.action in ("disable", "enable"):
            accounts.set_disabled(args.name, args.action == "disable")
            print(f"{args.name}: {args.action}d")
        elif args.action == "remove":
            accounts.remove(args.name)
            print(f"Đã xoá tài khoản {args.name}. / Account {args.name} removed.")
    except auth.AccountError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command."""
    parser = argparse.ArgumentParser(prog="python -m cantho_dash", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("status", help="each target's status")
    p.add_argument("--json", action="store_true", help="a JSON list of objects")
    p.add_argument("--as-of", type=date.fromisoformat, default=config.default_as_of(),
                   help="YYYY-MM-DD (default: CANTHO_AS_OF, else today)")
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("import", help="check a CSV/Excel file and commit it")
    p.add_argument("file")
    p.add_argument("--kind", choices=["observations", "unit_scores", "task_status", "targets"])
    p.add_argument("--dry-run", action="store_true", help="check and preview only")
    p.add_argument("--user", help="who is importing (default: the login name)")
    p.add_argument("--report", help="also write the rejection report to this CSV")
    p.add_argument("--as-of", type=date.fromisoformat, default=config.default_as_of(), help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("reporting", help="every unit's monthly reporting: owed, reported, late")
    p.add_argument("--json", action="store_true")
    p.add_argument("--month", help="the month reported on, YYYY-MM (default: the month before the as-of month)")
    p.add_argument("--as-of", type=date.fromisoformat, default=config.default_as_of(), help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_reporting)
    p = sub.add_parser("uploads", help="the upload history")
    p.set_defaults(func=cmd_uploads)
    p = sub.add_parser("rollback", help="roll an upload back (--undo: restore it)")
    p.add_argument("id", type=int)
    p.add_argument("--undo", action="store_true")
    p.add_argument("--user")
    p.set_defaults(func=cmd_rollback)
    p = sub.add_parser("export", help="the meeting pack: PNGs, a ZIP and (--pptx) the slides")
    p.add_argument("--out", required=True)
    p.add_argument("--pptx", action="store_true")
    p.add_argument("--size", choices=["1920x1080", "1280x720"], default="1920x1080")
    p.add_argument("--lang", choices=["vi", "en"], default="vi")
    p.add_argument("--as-of", type=date.fromisoformat, default=config.default_as_of())
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("demo", help="load the demo data (or remove it with --clear)")
    p.add_argument("--clear", action="store_true")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("users", help="accounts: add, list, passwd, role, disable, enable, remove")
    p.add_argument("action", choices=["add", "list", "passwd", "role", "unit", "disable", "enable", "remove"])
    p.add_argument("name", nargs="?")
    p.add_argument("value", nargs="?", help="the new role (with 'role'), or unit code ('-' for none, with 'unit')")
    p.add_argument("--role", choices=list(auth.ROLES))
    p.add_argument("--unit", help="the reporting unit: an agency code (agencies.csv) or a ward's 5-digit code")
    p.add_argument("--oidc", action="store_true", help="no password: signs in through the identity provider")
    p.set_defaults(func=cmd_users)
    args = parser.parse_args(argv)
    if hasattr(signal, "SIGPIPE"):  # `... | head` ends quietly instead of with a traceback
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        return args.func(args)
    except db.StoreLockedError as exc:
        print(exc, file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
