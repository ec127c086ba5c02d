"""The ``webhook`` bridge plugin: signed HTTP POSTs from a PBX or cloud telephony."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, field_validator

from screenpop.bridges.plugins.base import LOOPBACK, BridgeBase
from screenpop.config.fields import SecretRef
from screenpop.config.plugins import CheckContext, Plugin, Verdict

if TYPE_CHECKING:
    from screenpop.bridges.base import Bridge
    from screenpop.bridges.registry import BridgeContext


class WebhookConfig(BridgeBase):
    """``kind = "webhook"``: ``POST /events``, HMAC-SHA256 signed and timestamped."""

    kind: Literal["webhook"]
    listen: str = "127.0.0.1:8765"
    """``HOST:PORT`` the HTTP server listens on (loopback unless you open it)."""
    secret: SecretRef = None
    """The shared HMAC key; without it every request is refused."""
    max_body: int = Field(default=16 * 1024, gt=0, le=1024 * 1024)
    """Largest request body in bytes; a larger one gets 413."""
    max_age_s: int = Field(default=300, gt=0)
    """Seconds a signed request stays valid (older or replayed: refused)."""

    @field_validator("listen")
    @classmethod
    def _listen(cls, value: str) -> str:
        host, _, port = value.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError("listen must be HOST:PORT, e.g. 127.0.0.1:8765")
        return value


def check(cfg: WebhookConfig, ctx: CheckContext) -> Verdict:
    if not cfg.secret:
        return Verdict(False, f"listens on {cfg.listen} but has no secret: refuses every event")
    host = cfg.listen.rpartition(":")[0].strip("[]")
    if host not in LOOPBACK:
        return Verdict(True, f"listens on {cfg.listen} (NOT loopback-only: check the firewall)")
    return Verdict(True, f"listens on {cfg.listen}")


def create(cfg: WebhookConfig, ctx: BridgeContext) -> Bridge:
    from screenpop.bridges.webhook import create as make

    return make(cfg, ctx)


PLUGIN = Plugin("webhook", WebhookConfig, check, create)
