"""The command line for IT staff: python -m cantho_dash <command>.

  status [--json] [--as-of DATE]   each target's latest value, status, expected and projection
  demo [--clear]                   load (or remove) the labelled demo data
"""
from __future__ import annotations

import argparse
import json
import math
import signal
import sys
from datetime import date

from . import config, db, demo, service
from .bootstrap import ensure_ready
from .i18n import fmt_number


def _engine():
    engine = db.make_engine(config.settings().db_url)
    ensure_ready(engine, config.settings())
    return engine


def _num(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else round(float(value), 4)


def cmd_status(args) -> int:
    """Print every target's status."""
    targets = service.target_status(_engine(), args.as_of)
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
    p = sub.add_parser("demo", help="load the demo data (or remove it with --clear)")
    p.add_argument("--clear", action="store_true")
    p.set_defaults(func=cmd_demo)
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
