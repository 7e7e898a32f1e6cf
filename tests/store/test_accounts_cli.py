"""The account commands, run as an officer would run them: `python -m service ...`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from service.accounts import Accounts
from service.store import Database


def _run(*args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PLANDOC_PASSWORD"}
    if password is not None:
        env["PLANDOC_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "service", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_first_user_is_admin_and_keys_print_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    made = _run(
        "users", "create", "lan", "--unit", "xa-a", "--database", url, password="một mật khẩu dài"
    )
    assert made.returncode == 0 and "administrator lan" in made.stdout
    weak = _run("users", "create", "hoa", "--unit", "xa-a", "--database", url, password="ngắn")
    assert weak.returncode == 2 and "10 characters" in weak.stderr
    created = _run("keys", "create", "--unit", "xa-a", "--name", "một cửa", "--database", url)
    key = created.stdout.strip()
    assert (
        created.returncode == 0 and key.startswith("plk_") and "never shown again" in created.stderr
    )
    accounts = Accounts(Database(url))
    assert accounts.identify_key(key) == "xa-a"
    key_id = key.split("_")[1]
    assert key_id in _run("keys", "list", "--database", url).stdout
    assert _run("keys", "revoke", key_id, "--database", url).returncode == 0
    assert accounts.identify_key(key) is None
    assert _run("keys", "revoke", "nope", "--database", url).returncode == 2
