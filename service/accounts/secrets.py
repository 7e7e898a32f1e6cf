"""Password hashing (Argon2id) and API key material (random secrets, SHA-256 at rest)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_PASSWORD = 10
_HASHER = PasswordHasher()  # Argon2id with the library's current OWASP-aligned parameters
_DUMMY = _HASHER.hash("a password nobody has")  # keeps unknown-user logins as slow as real ones
KEY_PREFIX = "plk"


def hash_password(password: str) -> str:
    """An Argon2id hash with its own salt and parameters."""
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Check a password in constant work whether or not the account exists."""
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def new_api_key() -> tuple[str, str, str]:
    """(key id, full key shown once, SHA-256 of the secret kept at rest)."""
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    return key_id, f"{KEY_PREFIX}_{key_id}_{secret}", digest(secret)


def split_api_key(key: str) -> tuple[str, str] | None:
    """(key id, secret) of a well-formed key, else None."""
    parts = key.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]


def digest(secret: str) -> str:
    """SHA-256 is enough for 256-bit random secrets (no dictionary to attack)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def same_digest(a: str, b: str) -> bool:
    """Constant-time comparison."""
    return hmac.compare_digest(a, b)
