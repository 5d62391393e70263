"""Failed sign-ins, kept beside the accounts file (`<accounts>.failures.json`), so a restart or another
replica does not forget them. An account name waits after ACCOUNT_FREE failures, twice as long after
each further one (1, 2, 4 … minutes, at most an hour); a client address only after ADDRESS_FREE
failures in the window (behind a proxy, one person mistyping must not lock out everyone). Both the
sign-in and the change-password form count here. A right password clears its account's count."""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from filelock import FileLock

ACCOUNT_FREE = 5            # failures of one account name before it waits
ADDRESS_FREE = 50           # failures from one address in the window before it waits
WINDOW = 900.0              # seconds a failure is remembered for an address
LONGEST = 3600.0            # the longest an account name waits
FORGET = 86_400.0           # a day without failures: an account's count starts afresh


class SignIns:
    def __init__(self, accounts_file: Path, clock=time.time):
        self.path = Path(str(accounts_file) + ".failures.json")
        self.clock = clock
        self._lock = FileLock(str(self.path) + ".lock", timeout=10)

    def _load(self) -> dict[str, list[float]]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}
        now = self.clock()
        return {key: [t for t in times if now - t < FORGET] for key, times in raw.items() if isinstance(times, list)}

    def _save(self, failures: dict[str, list[float]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".failures-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({k: v for k, v in failures.items() if v}, out)
            os.chmod(temp, 0o600)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def wait(self, account: str, address: str = "") -> float:
        """Seconds until this account name (and address) may try again; 0: now."""
        with self._lock:
            failures = self._load()
        now, waits = self.clock(), []
        tried = failures.get(f"name:{account}", [])
        if len(tried) >= ACCOUNT_FREE:
            waits.append(tried[-1] + min(LONGEST, 60.0 * 2 ** (len(tried) - ACCOUNT_FREE)) - now)
        recent = [t for t in failures.get(f"ip:{address}", []) if now - t < WINDOW] if address else []
        if len(recent) >= ADDRESS_FREE:
            waits.append(recent[-ADDRESS_FREE] + WINDOW - now)
        return max(0.0, *waits) if waits else 0.0

    def failed(self, account: str, address: str = "") -> None:
        with self._lock:
            failures = self._load()
            for key in (f"name:{account}", f"ip:{address}" if address else ""):
                if key:
                    failures[key] = [*failures.get(key, []), self.clock()][-200:]
            self._save(failures)

    def succeeded(self, account: str) -> None:
        """A right password clears the account's count (not the address's)."""
        with self._lock:
            failures = self._load()
            if failures.pop(f"name:{account}", None) is not None:
                self._save(failures)

    def clear(self) -> None:
        with self._lock:
            self._save({})
