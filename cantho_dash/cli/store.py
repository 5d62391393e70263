"""migrate, backup and restore: the store's upkeep, for the IT team (see README, 'Operations')."""
from __future__ import annotations

import sys
from pathlib import Path

from cantho_dash import config
from cantho_dash.store import backup, migrate
from cantho_dash.store import engine as db


def cmd_migrate(args) -> int:  # noqa: ARG001 - every command takes its arguments
    """Bring the store's schema up to date and say what was done."""
    engine = db.make_engine(config.settings().db_url)
    done = migrate.upgrade(engine)
    if done.new:
        print(f"Cơ sở dữ liệu mới: đã tạo lược đồ phiên bản {done.after}. / A new store: schema version {done.after} created.")
    elif not done.schema_applied:
        print(f"Lược đồ đã ở phiên bản {done.after}: không có gì để làm. / The schema is at version {done.after}: "
              "nothing to do.")
    else:
        steps = ", ".join(done.applied) or "–"
        print(f"Lược đồ: phiên bản {done.before} → {done.after}; đã chạy / schema: version {done.before} → "
              f"{done.after}; ran: {steps}")
        if done.backup:
            print(f"Bản sao trước khi nâng cấp / copy before the upgrade: {done.backup}")
    return 0


def cmd_backup(args) -> int:
    """A consistent snapshot of the store, its upload archive and accounts, into a new folder."""
    engine = db.make_engine(config.settings().db_url)
    migrate.upgrade(engine)
    try:
        made = backup.backup(engine, Path(args.out))
    except backup.BackupError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"Đã sao lưu vào / backed up to {made.folder}: {sum(made.rows.values())} dòng / rows "
          f"({made.rows['uploads']} lần tải lên / uploads), {made.files} tệp gốc / original files, "
          f"{'có' if made.accounts else 'không có'} tệp tài khoản / accounts file {'kept' if made.accounts else 'absent'}")
    return 0


def cmd_restore(args) -> int:
    """Bring a backup back: into an empty store, or (--force) in place of what the store holds."""
    engine = db.make_engine(config.settings().db_url)
    try:
        done = backup.restore(engine, Path(args.folder), force=args.force)
    except backup.BackupError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"Đã khôi phục từ / restored from {done.folder}: {sum(done.rows.values())} dòng / rows "
          f"({done.rows['uploads']} lần tải lên / uploads), {done.files} tệp gốc / original files")
    return 0
