"""HMAC-signed values for cookies: the browser holds them, only the server can make them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from typing import Any


class Signer:
    def __init__(self, secret_key: str | None) -> None:
        # Without a configured key, sessions live as long as this process (documented in the README).
        self._key = (secret_key or secrets.token_urlsafe(32)).encode()

    def digest(self, purpose: str, value: str) -> str:
        """A keyed digest of `value` for one `purpose`, so digests of one kind never pass as another."""
        mac = hmac.new(self._key, f"{purpose}\x00{value}".encode(), hashlib.sha256)
        return base64.urlsafe_b64encode(mac.digest()).decode().rstrip("=")

    def sign(self, purpose: str, data: dict[str, Any]) -> str:
        payload = base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode()
        return f"{payload}.{self.digest(purpose, payload)}"

    def unsign(self, purpose: str, signed: str) -> dict[str, Any] | None:
        """The data of a value this signer made for `purpose`; None for anything else."""
        payload, _, signature = signed.rpartition(".")
        if not payload or not hmac.compare_digest(signature, self.digest(purpose, payload)):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(payload.encode()))
        except ValueError:
            return None
        return data if isinstance(data, dict) else None
