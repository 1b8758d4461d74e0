"""The command line's account commands: `user add|remove|passwd|list`.

Passwords are read with `getpass` (asked twice), or with `--password-stdin` from the first line
of standard input (for scripts and tests); never from the command line, where other users of the
machine could see it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any

from registry.commands import RefusedError
from registry.roles import ROLES

if TYPE_CHECKING:
    from registry.accounts import AccountStore


def account_store() -> AccountStore:
    """The accounts of the register's database (migrated and seeded first)."""
    from geodata import load_units
    from registry.accounts import AccountStore
    from registry.commands import writer

    return AccountStore(writer(load_units()).engine)


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise RefusedError("the passwords differ; nothing was changed")
    return first


def cmd_user(args: argparse.Namespace) -> None:
    """Add, remove or list accounts, or set a password."""
    from registry.accounts import AccountError, normalised_name

    name = normalised_name(getattr(args, "name", ""))
    try:
        store = account_store()
        if args.action == "list":
            for account, role in store.accounts():
                print(f"{account}  {role}")
        elif args.action == "add":
            store.add(args.name, args.role, _password(args))
            print(f"Added {args.role} '{name}'.")
        elif args.action == "remove":
            store.remove(args.name)
            print(f"Removed '{name}' (drafts stay; sessions ended).")
        else:
            store.set_password(args.name, _password(args))
            print(f"New password for '{name}' (sessions ended).")
    except AccountError as error:
        raise RefusedError(str(error)) from None


def add_account_commands(commands: Any) -> None:
    """Add `user` and its actions to the CLI's subparsers."""
    user = commands.add_parser("user", help="accounts that may edit (editor) or publish "
                                            "(publisher) in the app")
    actions = user.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="add an account")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, required=True)
    remove = actions.add_parser("remove", help="remove an account")
    remove.add_argument("name")
    passwd = actions.add_parser("passwd", help="set an account's password")
    passwd.add_argument("name")
    for sub in (add, passwd):
        sub.add_argument("--password-stdin", action="store_true",
                         help="read the password from the first line of standard input")
    actions.add_parser("list", help="every account and its role")
    user.set_defaults(run=cmd_user)
