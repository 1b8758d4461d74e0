"""The command line's account commands: `user add|remove|passwd|unlock|list`.

Passwords are read with `getpass` (asked twice, on a terminal only), or with `--password-stdin`
from the first line of standard input (for scripts and tests); never from the command line,
where other users of the machine could see it. Every command says which database it used (its
URL without a password); every refusal is one line on standard error with exit status 1 (the
request is refused) or 2 (wrong use, e.g. no terminal to ask the password on).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any, NoReturn

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


class NoTerminalError(Exception):
    """The password cannot be asked: no terminal and no `--password-stdin` (exit 2)."""


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise NoTerminalError("no terminal to ask the password on; give it on standard input "
                              "with --password-stdin")
    try:
        first = getpass.getpass("Password: ")
        again = getpass.getpass("Password again: ")
    except EOFError:
        raise NoTerminalError("no password given; nothing was changed") from None
    if again != first:
        raise RefusedError("the passwords differ; nothing was changed")
    return first


def _run(store: AccountStore, args: argparse.Namespace, name: str) -> str:
    """Carry out one `user` action; the line to print (`list` prints its own)."""
    if args.action == "list":
        for account, role in store.accounts():
            print(f"{account}  {role}")
        return ""
    if args.action == "add":
        store.add(args.name, args.role, _password(args))
        return f"Added {args.role} '{name}'"
    if args.action == "remove":
        store.remove(args.name)
        return f"Removed '{name}' (drafts stay; sessions ended)"
    if args.action == "unlock":
        if args.client:
            return f"Unlocked client {args.client} ({store.unlock_client(args.client)} " \
                   "attempts no longer count)"
        return f"Unlocked '{name}' ({store.unlock(args.name)} attempts no longer count)"
    store.set_password(args.name, _password(args))
    return f"New password for '{name}' (sessions ended, sign-in lock cleared)"


def cmd_user(args: argparse.Namespace) -> None:
    """Add, remove, unlock or list accounts, or set a password; say in which database."""
    from sqlalchemy.exc import OperationalError

    from registry.accounts import AccountError, normalised_name

    if args.action == "unlock" and bool(args.name) == bool(args.client):
        _exit_usage("give either a NAME or --client ADDRESS to unlock")
    name = normalised_name(getattr(args, "name", None) or "")
    try:
        store = account_store()
        done = _run(store, args, name)
    except NoTerminalError as error:
        _exit_usage(str(error))
    except AccountError as error:
        raise RefusedError(str(error)) from None
    except OperationalError as error:
        reason = str(error.orig or error).strip().splitlines()[0]
        raise RefusedError(f"the database {_shown_url()} cannot be used: {reason}") from None
    if done:
        print(f"{done} (database: {store.database}).")
    else:
        print(f"(database: {store.database})", file=sys.stderr)


def _shown_url() -> str:
    """The database's URL as the commands show it: without its password."""
    from sqlalchemy.engine import make_url

    from registry.database import database_url

    return make_url(database_url()).render_as_string(hide_password=True)


def _exit_usage(message: str) -> NoReturn:
    """One line on standard error and exit status 2, as for any wrong use of the CLI."""
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


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
    passwd = actions.add_parser("passwd", help="set an account's password (clears its lock)")
    passwd.add_argument("name")
    for sub in (add, passwd):
        sub.add_argument("--password-stdin", action="store_true",
                         help="read the password from the first line of standard input")
    unlock = actions.add_parser("unlock", help="let a name (or a client address) sign in "
                                               "again at once after too many attempts")
    unlock.add_argument("name", nargs="?")
    unlock.add_argument("--client", metavar="ADDRESS", help="unlock a client address instead")
    actions.add_parser("list", help="every account and its role")
    user.set_defaults(run=cmd_user)
