"""The ``notify`` bridge plugin: calls handed in by ``screenpop notify``.

The runtime (``screenpop.bridges.notify``) is always started by the engine,
configured or not: its socket is also the single-instance lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from screenpop.bridges.plugins.base import BridgeBase
from screenpop.config.plugins import CheckContext, Plugin, Verdict

if TYPE_CHECKING:
    from screenpop.bridges.base import Bridge
    from screenpop.bridges.registry import BridgeContext


class NotifyConfig(BridgeBase):
    """``kind = "notify"``: ``screenpop notify NUMBER`` from softphones that run a
    command on ring (MicroSIP, Zoiper, Linphone)."""

    kind: Literal["notify"]
    ring_timeout: float = Field(default=45.0, gt=0)
    """Seconds after which a notified call with no further news is ended."""


def check(cfg: NotifyConfig, ctx: CheckContext) -> Verdict:
    return Verdict(True, "local (`screenpop notify` hands calls to the running app)")


def create(cfg: NotifyConfig, ctx: BridgeContext) -> Bridge:
    from screenpop.bridges.notify import create as make

    return make(cfg, ctx)


PLUGIN = Plugin("notify", NotifyConfig, check, create)
