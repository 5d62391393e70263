"""The command line for IT staff: python -m cantho_dash <command>.

  status [--json] [--as-of DATE]               each target's latest value, status, expected and projection
  import FILE [--kind K] [--dry-run] [--user NAME] [--report CSV]
                                               check a CSV/Excel file and commit it (exit 2 if rejected)
  reporting [--json] [--month YYYY-MM]         every unit's monthly reporting: owed, reported, late
  uploads                                      the upload history
  rollback ID [--undo] [--user NAME]           roll an upload back (or undo that rollback)
  export --out DIR [--pptx] [--docx] [--since DATE] [--size 1920x1080] [--lang vi|en] [--as-of DATE]
                                               the meeting pack: a PNG per chart, a ZIP, and the PPTX
  demo [--clear]                               load (or remove) the labelled demo data
  users add NAME --role viewer|analyst|admin [--unit CODE] [--oidc]
                                               a new account; asks for the password (or reads one
                                               line from stdin when that is not a terminal)
  users list | passwd NAME | role NAME ROLE | unit NAME CODE|- | disable NAME | enable NAME | remove NAME
  migrate                                      bring the store's schema up to date (every command does)
  backup --out DIR                             a consistent snapshot: tables, original files, accounts
  restore DIR [--force]                        bring a backup back (into an empty store, or replacing it)

Exit codes: 0 done, 1 no browser for export, 2 rejected or refused (nothing written), 3 the database
stayed held by another program for longer than a minute.
"""
from __future__ import annotations

import argparse
import signal
import sys
from datetime import date

from cantho_dash import config
from cantho_dash.cli.accounts import cmd_users
from cantho_dash.cli.imports import cmd_import
from cantho_dash.cli.store import cmd_backup, cmd_migrate, cmd_restore
from cantho_dash.cli.reads import cmd_demo, cmd_export, cmd_reporting, cmd_rollback, cmd_status, cmd_uploads
from cantho_dash.store import accounts as auth, engine as db


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
    p = sub.add_parser("export", help="the meeting pack: PNGs, a ZIP, (--pptx) the slides, (--docx) the report")
    p.add_argument("--out", required=True)
    p.add_argument("--pptx", action="store_true")
    p.add_argument("--docx", action="store_true", help="the monthly report (Nghị định 30/2020/NĐ-CP format)")
    p.add_argument("--since", type=date.fromisoformat, default=None,
                   help="the last meeting's date, for what changed since (default: a month before --as-of)")
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
    sub.add_parser("migrate", help="bring the store's schema up to date").set_defaults(func=cmd_migrate)
    p = sub.add_parser("backup", help="a consistent snapshot of the store, its files and accounts")
    p.add_argument("--out", required=True, help="a new (or empty) folder")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="bring a backup back")
    p.add_argument("folder")
    p.add_argument("--force", action="store_true", help="replace what the store holds")
    p.set_defaults(func=cmd_restore)
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
