"""Sign-in that holds (issue 16), on SQLite and PostgreSQL (`database_url`): attempts counted
before their password is checked, however many arrive at once; a lock that does not grow with
tries made while locked, cleared by `user unlock` and `user passwd`; a limit per client address;
at most a few argon2 checks at once; over-long fields refused before argon2; weak passwords
refused; expired sessions purged; the `user` commands' refusals in one line."""

from __future__ import annotations

import datetime
import subprocess
import threading
import time
from collections.abc import Callable

import pytest
from argon2 import PasswordHasher

from geodata import Units
from registry.accounts import (
    LIMITS,
    MAX_ATTEMPTS,
    MAX_NAME_LENGTH,
    AccountError,
    AccountStore,
    NotSignedInError,
    SignInBusyError,
    SignInRefusedError,
)
from registry.attempts import Limits
from registry.password_checks import AT_ONCE, PASSWORD_CHECKS, CheckLimiter
from registry.passwords import MAX_PASSWORD_LENGTH, MESSAGES, WeakPasswordError, check_password
from registry.store import open_store
from registry.yaml_register import DATA_DIR
from tests.test_accounts import _user
from ui.edit.sign_in import password_rule_text, refusal_text
from ui.text.i18n import LANGUAGES, Translator

PASSWORD = "lang-genoeg-wachtwoord"
NEW_PASSWORD = "kade-fiets-lantaarn-7"
WEAK_PASSWORDS = ["          ", "1111111111", "aaaaaaaaaaaa", "password123",
                  "            ", "111111111111", "password1234", "anna-anna-anna-anna"]
"""The issue's four, and the same ideas at the minimum length (so a later rule refuses them)."""
T0 = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)


class CountingHasher(PasswordHasher):
    """A cheap argon2 hasher that counts its checks and hashes, the most checks running at
    once, and can hold every check until `release` is set."""

    def __init__(self, hold: bool = False, pause_s: float = 0.0) -> None:
        super().__init__(time_cost=1, memory_cost=8192, parallelism=1)
        self.checks = self.hashes = self.running = self.most_at_once = 0
        self.release = threading.Event()
        if not hold:
            self.release.set()
        self.pause_s = pause_s
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        with self._lock:
            self.checks += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            assert self.release.wait(60), "the test never released the checks"
            time.sleep(self.pause_s)
            return super().verify(hash, password)
        finally:
            with self._lock:
                self.running -= 1

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        with self._lock:
            self.hashes += 1
        return super().hash(password, salt=salt)


class Clock:
    """A settable clock for `AccountStore(clock=...)`."""

    def __init__(self, now: datetime.datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += datetime.timedelta(**delta)


def accounts(url: str, units: Units, **options: object) -> AccountStore:
    """The accounts of a seeded database, with anna (publisher); no refusal delay by default."""
    versions = open_store(url)
    versions.prepare(units, DATA_DIR)
    options.setdefault("failure_delay_s", 0)
    store = AccountStore(versions.engine, **options)
    store.add("anna", "publisher", PASSWORD)
    return store


def in_threads(count: int, attempt: Callable[[int], object]) -> list[threading.Thread]:
    """Start `count` threads that call `attempt(i)` together (behind one barrier)."""
    barrier = threading.Barrier(count)

    def run(number: int) -> None:
        barrier.wait()
        attempt(number)

    threads = [threading.Thread(target=run, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    return threads


def wait_for(condition: Callable[[], bool], timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def refused(store: AccountStore, name: str, password: str, **options: object
            ) -> SignInRefusedError:
    with pytest.raises(SignInRefusedError) as refusal:
        store.sign_in(name, password, **options)
    return refusal.value


def refused_in_thread(store: AccountStore, name: str, password: str) -> None:
    """A sign-in that should be refused, in a thread (where `pytest.raises` would go unseen:
    the test's counts show a success)."""
    try:
        store.sign_in(name, password)
    except SignInRefusedError:
        return


# --- attempts counted before the check -------------------------------------------------------


def test_nineteen_wrong_and_the_right_one_at_once_get_five_checks(database_url: str,
                                                                   units: Units) -> None:
    """The 19 wrong guesses arrive first (their checks are held); the right one, sent while
    they are in flight, is refused without a check."""
    hasher = CountingHasher(hold=True)
    store = accounts(database_url, units, hasher=hasher, checks=CheckLimiter(2, wait_s=60))
    outcomes: list[SignInRefusedError] = []

    def guess(number: int) -> None:
        try:
            store.sign_in("anna", f"wrong-guess-{number}")
        except SignInRefusedError as refusal:
            outcomes.append(refusal)

    threads = in_threads(19, guess)
    wait_for(lambda: len(outcomes) == 19 - MAX_ATTEMPTS)  # the rest are counted, held
    assert all(outcome.locked_until is not None for outcome in outcomes)
    assert store.attempt_count("anna") == MAX_ATTEMPTS
    right = refused(store, "anna", PASSWORD)
    assert right.locked_until is not None
    hasher.release.set()
    for thread in threads:
        thread.join(60)
    assert len(outcomes) == 19
    assert hasher.checks == MAX_ATTEMPTS
    assert store.attempt_count("anna") == MAX_ATTEMPTS


def test_twenty_guesses_at_once_get_five_checks(database_url: str, units: Units) -> None:
    """All together, no order imposed: still exactly five checks (separate stores, as separate
    app servers)."""
    hasher = CountingHasher()
    first = accounts(database_url, units, hasher=hasher, checks=CheckLimiter(4, wait_s=60))
    servers = [first, AccountStore(first.engine, hasher=hasher, failure_delay_s=0,
                                   checks=CheckLimiter(4, wait_s=60))]
    outcomes: list[SignInRefusedError] = []

    def guess(number: int) -> None:
        try:
            servers[number % 2].sign_in("anna", f"wrong-guess-{number}")
        except SignInRefusedError as refusal:
            outcomes.append(refusal)

    for thread in in_threads(20, guess):
        thread.join(60)
    assert len(outcomes) == 20
    assert hasher.checks == MAX_ATTEMPTS
    assert sum(outcome.locked_until is not None for outcome in outcomes) >= 20 - MAX_ATTEMPTS


# --- the lock's bound, unlock, passwd ---------------------------------------------------------


def test_tries_while_locked_neither_extend_the_lock_nor_get_checked(database_url: str,
                                                                    units: Units) -> None:
    clock, hasher = Clock(), CountingHasher()
    store = accounts(database_url, units, hasher=hasher, clock=clock)
    for number in range(MAX_ATTEMPTS):
        refused(store, "anna", f"wrong-guess-{number}")
        clock.advance(seconds=10)
    bound = T0 + LIMITS.window
    assert store.locked_until("anna") == bound
    while clock.now < bound:  # an attacker keeps trying, the owner too
        assert refused(store, "anna", "another-wrong-one").locked_until == bound
        assert refused(store, "anna", PASSWORD).locked_until == bound
        clock.advance(minutes=1)
    assert hasher.checks == MAX_ATTEMPTS
    assert clock.now < bound + datetime.timedelta(minutes=1)
    assert store.sign_in("anna", PASSWORD).name == "anna"
    assert store.attempt_count("anna") == 0  # a success clears the count


def test_user_unlock_clears_a_names_lock_and_a_clients(database_url: str, units: Units) -> None:
    store = accounts(database_url, units, hasher=CountingHasher())
    for number in range(MAX_ATTEMPTS):
        refused(store, "anna", f"wrong-guess-{number}")
    assert refused(store, "anna", PASSWORD).locked_until is not None
    unlocked = _user(database_url, "unlock", "ANNA")
    assert unlocked.returncode == 0, unlocked.stderr
    assert "Unlocked 'anna'" in unlocked.stdout
    assert store.database in unlocked.stdout and "Traceback" not in unlocked.stderr
    assert store.locked_until("anna") is None
    store.sign_in("anna", PASSWORD)

    client = "203.0.113.7"
    for number in range(LIMITS.per_client):  # many names from one address
        refused(store, f"name-{number}", PASSWORD, client=client)
    assert refused(store, "anna", PASSWORD, client=client).locked_until is not None
    assert _user(database_url, "unlock", "--client", client).returncode == 0
    store.sign_in("anna", PASSWORD, client=client)
    neither = _user(database_url, "unlock")
    assert neither.returncode == 2 and len(neither.stderr.splitlines()) == 1


def test_user_passwd_clears_the_lock(database_url: str, units: Units) -> None:
    store = accounts(database_url, units, hasher=CountingHasher())
    for number in range(MAX_ATTEMPTS):
        refused(store, "anna", f"wrong-guess-{number}")
    changed = _user(database_url, "passwd", "anna", "--password-stdin",
                    password=NEW_PASSWORD + "\n")
    assert changed.returncode == 0, changed.stderr
    assert "lock cleared" in changed.stdout and store.database in changed.stdout
    assert store.sign_in("anna", NEW_PASSWORD).name == "anna"
    for number in range(MAX_ATTEMPTS):  # and through the store itself
        refused(store, "anna", f"wrong-guess-{number}")
    store.set_password("anna", PASSWORD)
    assert store.sign_in("anna", PASSWORD).name == "anna"


def test_one_address_is_limited_across_names(database_url: str, units: Units) -> None:
    store = accounts(database_url, units, hasher=CountingHasher(),
                     limits=Limits(per_name=5, per_client=3))
    for name in ("bert", "carla", "dirk"):
        refused(store, name, PASSWORD, client="198.51.100.1")
    assert refused(store, "anna", PASSWORD, client="198.51.100.1").locked_until is not None
    store.sign_in("anna", PASSWORD, client="198.51.100.2")  # another address may
    store.sign_in("anna", PASSWORD)  # an unknown (local) address is not limited by address


# --- argon2: at most a few at once, never for over-long fields --------------------------------


def test_password_checks_run_at_most_two_at_once(database_url: str, units: Units) -> None:
    hasher = CountingHasher(pause_s=0.05)
    store = accounts(database_url, units, hasher=hasher, checks=CheckLimiter(2, wait_s=60),
                     limits=Limits(per_name=100, per_client=100))
    for thread in in_threads(16, lambda number: refused_in_thread(
            store, f"name-{number % 4}", "some-wrong-guess")):
        thread.join(60)
    assert hasher.checks == 16
    assert hasher.most_at_once == 2
    assert (PASSWORD_CHECKS.at_once, AT_ONCE) == (2, 2)  # the process's default
    assert AccountStore(store.engine).checks is PASSWORD_CHECKS


def test_a_check_that_cannot_start_in_time_is_busy_and_not_counted(database_url: str,
                                                                   units: Units) -> None:
    hasher = CountingHasher(hold=True)
    store = accounts(database_url, units, hasher=hasher, checks=CheckLimiter(1, wait_s=0.2))
    (holder,) = in_threads(1, lambda _: refused_in_thread(store, "anna", "held-wrong-guess"))
    wait_for(lambda: hasher.running == 1)
    with pytest.raises(SignInBusyError):
        store.sign_in("anna", PASSWORD)
    assert store.attempt_count("anna") == 1  # only the held one
    hasher.release.set()
    holder.join(60)
    assert store.sign_in("anna", PASSWORD).name == "anna"


def test_over_long_fields_are_refused_before_argon2(database_url: str, units: Units) -> None:
    hasher = CountingHasher()
    store = accounts(database_url, units, hasher=hasher)
    hashes = hasher.hashes
    for name, password in (("a" * (MAX_NAME_LENGTH + 1), PASSWORD),
                           ("anna", "x" * (MAX_PASSWORD_LENGTH + 1)),
                           ("ß" * MAX_NAME_LENGTH, PASSWORD)):  # casefolds to 200 letters
        assert refused(store, name, password).locked_until is None
    assert hasher.checks == 0 and store.attempt_count("anna") == 0
    with pytest.raises(AccountError, match="at most 1024"):
        store.add("bert", "editor", "kade-fiets-" * 100)
    with pytest.raises(AccountError, match="at most 1024"):
        store.set_password("anna", "kade-fiets-" * 100)
    with pytest.raises(AccountError, match="not a valid account name"):
        store.add("b" * (MAX_NAME_LENGTH + 1), "editor", NEW_PASSWORD)
    assert hasher.hashes == hashes


# --- passwords --------------------------------------------------------------------------------


def test_weak_passwords_are_refused_and_a_strong_one_accepted(database_url: str,
                                                              units: Units) -> None:
    store = accounts(database_url, units)
    for weak in WEAK_PASSWORDS:
        with pytest.raises(AccountError):
            store.add("bert", "publisher", weak)
        with pytest.raises(AccountError):
            store.set_password("anna", weak)
    store.add("bert", "publisher", NEW_PASSWORD)
    store.set_password("anna", NEW_PASSWORD)
    assert store.sign_in("anna", NEW_PASSWORD).name == "anna"
    assert store.sign_in("bert", NEW_PASSWORD).role == "publisher"


def test_each_rule_says_why() -> None:
    reasons = {}
    for weak in [*WEAK_PASSWORDS, "x" * 2000, "Comensha2024!"]:
        with pytest.raises(WeakPasswordError) as refusal:
            check_password(weak, "anna")
        reasons[weak] = refusal.value.reason
    assert reasons["          "] == "too_short"
    assert reasons["            "] == "blank"
    assert reasons["111111111111"] == reasons["anna-anna-anna-anna"] == "repeated"
    assert reasons["password1234"] == reasons["Comensha2024!"] == "guessable"
    assert reasons["x" * 2000] == "too_long"
    with pytest.raises(WeakPasswordError, match="guess"):
        check_password("anna.de-vries-1", "anna.de-vries")  # the name is guessable
    check_password(NEW_PASSWORD, "anna")
    for reason in MESSAGES:  # a page says each in the reader's language
        texts = {password_rule_text(Translator(language), WeakPasswordError(reason))
                 for language in LANGUAGES}
        assert len(texts) == len(LANGUAGES) and all("{" not in text for text in texts)


def test_user_add_and_passwd_refuse_weak_passwords(tmp_path, units: Units) -> None:
    url = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    accounts(url, units)
    for weak in WEAK_PASSWORDS[:4]:
        for args in (("add", "bert", "--role", "publisher"), ("passwd", "anna")):
            result = _user(url, *args, "--password-stdin", password=weak + "\n")
            assert result.returncode == 1, (weak, args, result.stdout)
            assert len(result.stderr.splitlines()) == 1, result.stderr
            assert result.stderr.startswith("error: a password"), result.stderr
    added = _user(url, "add", "bert", "--role", "publisher", "--password-stdin",
                  password=NEW_PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert f"Added publisher 'bert' (database: {url})" in added.stdout


# --- the command line without a terminal ------------------------------------------------------


def test_user_add_without_a_terminal_says_so_in_one_line(tmp_path, units: Units) -> None:
    url = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    accounts(url, units)
    for args in (("add", "bert", "--role", "editor"), ("passwd", "anna")):
        result = _user(url, *args, stdin=subprocess.DEVNULL)
        assert result.returncode == 2, result
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines() == [
            "error: no terminal to ask the password on; give it on standard input with "
            "--password-stdin"]
    assert _user(url, "list").stdout.split() == ["anna", "publisher"]


# --- purging ----------------------------------------------------------------------------------


def test_expired_sessions_and_old_attempts_are_purged(database_url: str, units: Units) -> None:
    clock = Clock()
    store = accounts(database_url, units, clock=clock)
    session = store.sign_in("anna", PASSWORD)
    refused(store, "bert", "wrong-guess")

    def rows(table: str) -> int:
        with store.engine.connect() as connection:
            return connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()

    assert (rows("sign_in_sessions"), rows("sign_in_attempts")) == (1, 2)
    clock.advance(hours=8, seconds=1)
    with pytest.raises(NotSignedInError):
        store.authorise(session, "editor")
    refused(store, "carla", "wrong-guess")  # any sign-in purges
    assert (rows("sign_in_sessions"), rows("sign_in_attempts")) == (0, 1)


# --- the page's words -------------------------------------------------------------------------


def test_the_page_says_busy_and_locked_in_its_language() -> None:
    dutch = Translator("nl")
    assert "te veel aanmeldingen tegelijk" in refusal_text(dutch, SignInBusyError())
    locked = SignInRefusedError(T0 + LIMITS.window)
    assert "10:15 (Nederlandse tijd)" in refusal_text(dutch, locked)  # 09:15 UTC in winter
    assert "UTC" not in refusal_text(dutch, locked)
    assert refusal_text(Translator("en"), SignInRefusedError()) == \
        "Unknown name or wrong password."
