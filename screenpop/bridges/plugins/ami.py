"""The ``ami`` bridge plugin: the Asterisk Manager Interface."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from screenpop.bridges.plugins.base import BridgeBase, tcp_reachable
from screenpop.config.fields import SecretRef
from screenpop.config.plugins import CheckContext, Plugin, Verdict

if TYPE_CHECKING:
    from screenpop.bridges.base import Bridge
    from screenpop.bridges.registry import BridgeContext


class AmiConfig(BridgeBase):
    """``kind = "ami"``: Asterisk's manager interface (login, call events,
    ``Originate`` for call-back)."""

    kind: Literal["ami"]
    host: str = "127.0.0.1"
    """The Asterisk server."""
    port: int = Field(default=5038, ge=1, le=65535)
    """The manager interface's port."""
    username: str = "screenpop"
    """The manager user (``manager.conf``)."""
    secret: SecretRef = None
    """The manager user's secret."""
    agents: tuple[str, ...] = ()
    """Only calls towards these agent channels or extensions; empty = ``agent.extension``."""
    originate_channel: str = ""
    """Call back: the agent's phone channel rung first (``PJSIP/777``); empty = the first
    of ``agents`` (a bare extension gets ``PJSIP/``)."""
    originate_context: str = "from-internal"
    """Dialplan context the called-back number is dialled in."""


def check(cfg: AmiConfig, ctx: CheckContext) -> Verdict:
    if not cfg.secret:
        return Verdict(False, "no secret set: Asterisk refuses a manager login without one")
    return tcp_reachable(cfg.host, cfg.port)


def create(cfg: AmiConfig, ctx: BridgeContext) -> Bridge:
    from screenpop.bridges.ami import create as make

    return make(cfg, ctx)


PLUGIN = Plugin("ami", AmiConfig, check, create)
