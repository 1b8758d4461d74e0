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

from cli.errors import RefusedError
from cli.words import Words
from registry.roles import ROLES

if TYPE_CHECKING:
    from registry.accounts import AccountStore


def account_store() -> AccountStore:
    """The accounts of the register's database (migrated and seeded first)."""
    from geodata import load_units
    from registry.accounts import AccountStore
    from registry.store import open_writable_store

    return AccountStore(open_writable_store(load_units()).engine)


class NoTerminalError(Exception):
    """The password cannot be asked: no terminal and no `--password-stdin` (exit 2)."""


def _password(args: argparse.Namespace) -> str:
    t: Words = args.words
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise NoTerminalError(t("no_terminal"))
    try:
        first = getpass.getpass(t("password_prompt"))
        again = getpass.getpass(t("password_again_prompt"))
    except EOFError:
        raise NoTerminalError(t("no_password")) from None
    if again != first:
        raise RefusedError(t("passwords_differ"))
    return first


def _run(store: AccountStore, args: argparse.Namespace, name: str) -> str:
    """Carry out one `user` action; the line to print (`list` prints its own)."""
    t: Words = args.words
    if args.action == "list":
        for account, role in store.accounts():
            print(f"{account}  {role}")
        return ""
    if args.action == "add":
        store.add(args.name, args.role, _password(args))
        return t("account_added", role=args.role, name=name)
    if args.action == "remove":
        store.remove(args.name)
        return t("account_removed", name=name)
    if args.action == "unlock":
        if args.client:
            return t("client_unlocked", client=args.client,
                     count=store.unlock_client(args.client))
        return t("account_unlocked", name=name, count=store.unlock(args.name))
    store.set_password(args.name, _password(args))
    return t("password_set", name=name)


def cmd_user(args: argparse.Namespace) -> None:
    """Add, remove, unlock or list accounts, or set a password; say in which database."""
    from sqlalchemy.exc import OperationalError

    from registry.accounts import AccountError, normalised_name

    t: Words = args.words
    if args.action == "unlock" and bool(args.name) == bool(args.client):
        _exit_usage(t, t("unlock_what"))
    name = normalised_name(getattr(args, "name", None) or "")
    try:
        store = account_store()
        done = _run(store, args, name)
    except NoTerminalError as error:
        _exit_usage(t, str(error))
    except AccountError as error:
        raise RefusedError(str(error)) from None
    except OperationalError as error:
        reason = str(error.orig or error).strip().splitlines()[0]
        raise RefusedError(t("database_unusable", url=_shown_url(), reason=reason)) from None
    if done:
        print(t("done_in_database", done=done, database=store.database))
    else:
        print(t("in_database", database=store.database), file=sys.stderr)


def _shown_url() -> str:
    """The database's URL as the commands show it: without its password."""
    from sqlalchemy.engine import make_url

    from registry.database import database_url

    return make_url(database_url()).render_as_string(hide_password=True)


def _exit_usage(t: Words, message: str) -> NoReturn:
    """One line on standard error and exit status 2, as for any wrong use of the CLI."""
    print(t("error", message=message), file=sys.stderr)
    raise SystemExit(2)


def add_account_commands(commands: Any, t: Words) -> None:
    """Add `user` and its actions to the CLI's subparsers."""
    user = commands.add_parser("user", help=t("help_user"))
    actions = user.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help=t("help_user_add"))
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, required=True)
    remove = actions.add_parser("remove", help=t("help_user_remove"))
    remove.add_argument("name")
    passwd = actions.add_parser("passwd", help=t("help_user_passwd"))
    passwd.add_argument("name")
    for sub in (add, passwd):
        sub.add_argument("--password-stdin", action="store_true",
                         help=t("help_password_stdin"))
    unlock = actions.add_parser("unlock", help=t("help_user_unlock"))
    unlock.add_argument("name", nargs="?")
    unlock.add_argument("--client", metavar="ADDRESS", help=t("help_user_client"))
    actions.add_parser("list", help=t("help_user_list"))
    user.set_defaults(run=cmd_user)
