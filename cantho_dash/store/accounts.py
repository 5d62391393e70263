"""Accounts, roles, password checks and the failed-login limit (no Streamlit here).

Roles: viewer < analyst < admin. Viewing needs no account unless CANTHO_LOGIN_REQUIRED is on;
uploading, rolling back and clearing the demo data need an analyst; managing accounts and ward
boundaries needs an admin.

Accounts live in a small JSON file (CANTHO_USERS_FILE, default data/users.json), not in the
store: `python -m cantho_dash users add` works with no store at all, and replicas share the file.
backup and restore carry it with the store. Passwords are kept as argon2id hashes (argon2-cffi); the file is
rewritten atomically under a file lock, readable by its owner only.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from filelock import FileLock

from cantho_dash.domain.vntext import nfc
from cantho_dash.words.messages import both

ROLES = ("viewer", "analyst", "admin")
_RANK = {role: i for i, role in enumerate(ROLES)}
MIN_PASSWORD = 10
_NAME = re.compile(r"^[\w.@+-]{2,64}$")
_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Checked against when the name is unknown, so that a wrong name costs as long as a wrong password."""
    return _hasher.hash("not a password of anyone")


class AccountError(ValueError):
    """A refused account change; the message is in Vietnamese and English."""


def allows(role: str | None, needed: str) -> bool:
    """Whether an account of this role (None: not signed in) may do what needs `needed`."""
    return role is not None and _RANK.get(role, -1) >= _RANK[needed]


def name_key(name: str) -> str:
    """The key an account is found by: NFC, trimmed, case-folded."""
    return nfc(name).strip().casefold()


def check_name(name: str) -> str:
    """The account name, cleaned, or AccountError."""
    name = nfc(name).strip()
    if not _NAME.match(name):
        raise AccountError(both("account_name_invalid"))
    return name


def check_password(password: str) -> str:
    """The password, or AccountError when it is too short."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(both("password_short", least=MIN_PASSWORD))
    return password


def check_unit(unit: str | None) -> str | None:
    """A reporting unit's code (an agency of the catalog that is not a collective, or one of today's
    wards), or AccountError; None or '' for no unit."""
    from cantho_dash.domain.scope import unit_names

    code = (unit or "").strip().upper()
    if not code:
        return None
    if code not in unit_names():
        raise AccountError(both("unit_unknown", unit=unit))
    return code


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    password_hash: str | None      # None: signs in through the city's identity provider (OIDC) only
    created_at: str
    disabled: bool = False
    unit: str | None = None        # the reporting unit (an agency code or a ward code); None: a city analyst


class Accounts:
    """The accounts file. Every call reads it afresh, so a change made by the command line or by
    another session counts at once."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = FileLock(str(self.path) + ".lock", timeout=10)

    def _load(self) -> dict[str, Account]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return {name_key(a["name"]): Account(**a) for a in raw.get("accounts", [])}

    def _save(self, accounts: dict[str, Account]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = json.dumps({"accounts": [asdict(a) for a in sorted(accounts.values(), key=lambda a: name_key(a.name))]},
                          ensure_ascii=False, indent=1)
        handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".users-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(body)
            os.chmod(temp, 0o600)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def all(self) -> list[Account]:
        """Every account, by name."""
        return sorted(self._load().values(), key=lambda a: name_key(a.name))

    def get(self, name: str) -> Account | None:
        """The account of that name (any case), or None."""
        return self._load().get(name_key(name))

    def add(self, name: str, role: str, password: str | None, unit: str | None = None) -> Account:
        """A new account; password None makes an identity-provider (OIDC) account; unit: the
        reporting unit it belongs to (None: a city analyst, who may write everything)."""
        name = check_name(name)
        unit = check_unit(unit)
        if role not in ROLES:
            raise AccountError(both("role_invalid", roles=", ".join(ROLES)))
        digest = _hasher.hash(check_password(password)) if password is not None else None
        from cantho_dash.config import now

        with self._lock:
            accounts = self._load()
            if name_key(name) in accounts:
                raise AccountError(both("account_exists", name=name))
            accounts[name_key(name)] = account = Account(name, role, digest, now().isoformat(sep=" "), unit=unit)
            self._save(accounts)
        return account

    def _change(self, name: str, **changes) -> Account:
        with self._lock:
            accounts = self._load()
            key = name_key(name)
            if key not in accounts:
                raise AccountError(both("account_unknown", name=name))
            updated = Account(**(asdict(accounts[key]) | changes))
            after = accounts | {key: updated}
            if not any(a.role == "admin" and not a.disabled for a in after.values()) and any(
                    a.role == "admin" and not a.disabled for a in accounts.values()):
                raise AccountError(both("last_admin"))
            accounts[key] = updated
            self._save(accounts)
        return updated

    def set_role(self, name: str, role: str) -> Account:
        if role not in ROLES:
            raise AccountError(both("role_invalid", roles=", ".join(ROLES)))
        return self._change(name, role=role)

    def set_password(self, name: str, password: str) -> Account:
        return self._change(name, password_hash=_hasher.hash(check_password(password)))

    def set_unit(self, name: str, unit: str | None) -> Account:
        return self._change(name, unit=check_unit(unit))

    def set_disabled(self, name: str, disabled: bool) -> Account:
        return self._change(name, disabled=disabled)

    def remove(self, name: str) -> None:
        with self._lock:
            accounts = self._load()
            key = name_key(name)
            if key not in accounts:
                raise AccountError(both("account_unknown", name=name))
            rest = {k: a for k, a in accounts.items() if k != key}
            if accounts[key].role == "admin" and not any(a.role == "admin" and not a.disabled for a in rest.values()):
                raise AccountError(both("last_admin"))
            self._save(rest)

    def verify(self, name: str, password: str) -> Account | None:
        """The account when the name and password match an enabled password account, else None."""
        account = self.get(name) if _NAME.match(nfc(name).strip()) else None
        digest = account.password_hash if account and account.password_hash else _dummy_hash()
        try:
            _hasher.verify(digest, password)
        except (VerificationError, InvalidHashError):
            return None
        if account is None or account.disabled or account.password_hash is None:
            return None
        if _hasher.check_needs_rehash(digest):
            self._change(account.name, password_hash=_hasher.hash(password))
        return account
