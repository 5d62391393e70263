"""users: the accounts file (works while the dashboard runs: accounts are not in the store)."""
from __future__ import annotations

import getpass
import sys

from cantho_dash import config
from cantho_dash.domain.scope import unit_names
from cantho_dash.store import accounts as auth
from cantho_dash.words.messages import both


def new_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(both("password_prompt"))
    if first != getpass.getpass(both("password_again")):
        raise auth.AccountError(both("entries_differ"))
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
            raise auth.AccountError(both("account_missing"))
        if args.action == "add":
            if args.role is None:
                raise auth.AccountError(both("role_needed"))
            auth.check_unit(args.unit)   # before the password is asked
            account = accounts.add(args.name, args.role, None if args.oidc else new_password(), args.unit)
            where = f", {account.unit} {unit_names()[account.unit]}" if account.unit else ""
            print(both("account_created", name=account.name, role=account.role, where=where))
        elif args.action == "passwd":
            accounts.set_password(args.name, new_password())
            print(both("password_changed", name=args.name))
        elif args.action == "role":
            if args.value not in auth.ROLES:
                raise auth.AccountError(both("role_invalid", roles=", ".join(auth.ROLES)))
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
            print(both("account_removed", name=args.name))
    except auth.AccountError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0
