"""The ``demo`` bridge plugin: rings the embedded demo's scripted calls."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from screenpop.bridges.plugins.base import BridgeBase
from screenpop.config.plugins import CheckContext, Plugin, Verdict

if TYPE_CHECKING:
    from screenpop.bridges.base import Bridge
    from screenpop.bridges.registry import BridgeContext


class DemoConfig(BridgeBase):
    """``kind = "demo"``: simulated calls from the demo customers (``screenpop demo``)."""

    kind: Literal["demo"]
    interval: float = Field(default=8.0, gt=0)
    """Seconds between demo rings."""
    ring_seconds: float = Field(default=5.0, gt=0)
    """Seconds a demo call rings before it is answered or missed."""
    calls: int = Field(default=0, ge=0)
    """Stop ringing after this many calls; 0 = ring forever."""


def check(cfg: DemoConfig, ctx: CheckContext) -> Verdict:
    return Verdict(True, "local (the demo's scripted calls)")


def create(cfg: DemoConfig, ctx: BridgeContext) -> Bridge:
    from screenpop.bridges.demo import create as make

    return make(cfg, ctx)


PLUGIN = Plugin("demo", DemoConfig, check, create)
