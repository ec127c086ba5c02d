"""The ``baresip`` bridge plugin: the agent's softphone over ``ctrl_tcp``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from screenpop.bridges.plugins.base import BridgeBase, tcp_reachable
from screenpop.config.plugins import CheckContext, Plugin, Verdict

if TYPE_CHECKING:
    from screenpop.bridges.base import Bridge
    from screenpop.bridges.registry import BridgeContext


class BaresipConfig(BridgeBase):
    """``kind = "baresip"``: baresip's ``ctrl_tcp`` JSON netstrings (``menu.so`` for
    answer and call-back)."""

    kind: Literal["baresip"]
    host: str = "127.0.0.1"
    """Where baresip's ``ctrl_tcp`` listens."""
    port: int = Field(default=4444, ge=1, le=65535)
    """``ctrl_tcp``'s port."""


def check(cfg: BaresipConfig, ctx: CheckContext) -> Verdict:
    return tcp_reachable(cfg.host, cfg.port)


def create(cfg: BaresipConfig, ctx: BridgeContext) -> Bridge:
    from screenpop.bridges.baresip import create as make

    return make(cfg, ctx)


PLUGIN = Plugin("baresip", BaresipConfig, check, create)
