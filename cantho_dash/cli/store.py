"""migrate, backup and restore: the store's upkeep, for the IT team (see README, 'Operations')."""
from __future__ import annotations

import sys
from pathlib import Path

from cantho_dash import config
from cantho_dash.store import backup, migrate
from cantho_dash.store import engine as db
from cantho_dash.words.messages import both


def cmd_migrate(args) -> int:  # noqa: ARG001 - every command takes its arguments
    """Bring the store's schema up to date and say what was done."""
    engine = db.make_engine(config.settings().db_url)
    done = migrate.upgrade(engine)
    if done.new:
        print(both("migrate_new", version=done.after))
    elif not done.schema_applied:
        print(both("migrate_none", version=done.after))
    else:
        print(both("migrate_done", before=done.before, after=done.after, steps=", ".join(done.applied) or "–"))
        if done.backup:
            print(both("migrate_copy", path=done.backup))
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
    print(both("backup_done", folder=made.folder, rows=sum(made.rows.values()), uploads=made.rows["uploads"],
               files=made.files, accounts_vi="có" if made.accounts else "không có",
               accounts_en="kept" if made.accounts else "none"))
    return 0


def cmd_restore(args) -> int:
    """Bring a backup back: into an empty store, or (--force) in place of what the store holds."""
    engine = db.make_engine(config.settings().db_url)
    try:
        done = backup.restore(engine, Path(args.folder), force=args.force)
    except backup.BackupError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(both("restore_done", folder=done.folder, rows=sum(done.rows.values()), uploads=done.rows["uploads"],
               files=done.files))
    return 0
