"""`python -m service users ...` and `python -m service keys ...`: accounts from the terminal."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from service.accounts import Accounts
from service.errors import AccountError, NotFound
from service.store import Database


def _accounts(args: argparse.Namespace) -> Accounts:
    database = Database(args.database or os.environ.get("PLANDOC_DATABASE_URL"))
    database.migrate()
    return Accounts(database)


def _password(args: argparse.Namespace) -> str:
    """From PLANDOC_PASSWORD (scripts) or typed twice at a prompt; never a default."""
    if os.environ.get("PLANDOC_PASSWORD"):
        return os.environ["PLANDOC_PASSWORD"]
    first = getpass.getpass("Mật khẩu / password: ")
    if getpass.getpass("Nhập lại / again: ") != first:
        raise AccountError("the two passwords differ")
    return first


def create_user(args: argparse.Namespace) -> int:
    """Create an account (the first one is the administrator)."""
    accounts = _accounts(args)
    admin = args.admin or not accounts.has_users()
    user = accounts.create_user(args.username, _password(args), args.unit, admin=admin)
    print(f"created {'administrator' if user.is_admin else 'user'} {user.username} ({user.unit})")
    return 0


def create_key(args: argparse.Namespace) -> int:
    """Create an API key for a unit and print it once."""
    record, key = _accounts(args).create_key(args.unit, args.name)
    print(key)
    print(
        f"key {record.id} for unit {record.unit}: store it now, it is never shown again",
        file=sys.stderr,
    )
    return 0


def list_keys(args: argparse.Namespace) -> int:
    """List keys (never their secrets)."""
    for key in _accounts(args).keys(args.unit):
        state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "active"
        print(f"{key.id}\t{key.unit}\t{key.name}\t{state}")
    return 0


def revoke_key(args: argparse.Namespace) -> int:
    """Revoke a key at once."""
    _accounts(args).revoke_key(args.key_id)
    print(f"revoked {args.key_id}")
    return 0


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `users` and `keys`."""
    users = commands.add_parser("users", help="local accounts").add_subparsers(required=True)
    create = users.add_parser("create", help="create an account (the first is the admin)")
    create.add_argument("username")
    create.add_argument("--unit", required=True, help="unit id, e.g. xa-quang-thuan")
    create.add_argument("--admin", action="store_true")
    create.set_defaults(run=_guarded(create_user))
    keys = commands.add_parser("keys", help="API keys").add_subparsers(required=True)
    new = keys.add_parser("create", help="create a key for a unit and print it once")
    new.add_argument("--unit", required=True)
    new.add_argument("--name", default="api", help="what the key is for")
    new.set_defaults(run=_guarded(create_key))
    listing = keys.add_parser("list", help="list keys")
    listing.add_argument("--unit")
    listing.set_defaults(run=_guarded(list_keys))
    revoke = keys.add_parser("revoke", help="revoke a key")
    revoke.add_argument("key_id")
    revoke.set_defaults(run=_guarded(revoke_key))
    for parser in (create, new, listing, revoke):
        parser.add_argument(
            "--database",
            help="SQLAlchemy URL (default: PLANDOC_DATABASE_URL or the embedded SQLite file)",
        )


def _guarded(command: object) -> object:
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)  # type: ignore[operator, no-any-return]
        except (AccountError, NotFound) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2

    return run
