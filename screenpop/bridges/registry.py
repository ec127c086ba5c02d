"""Bridge plugins by config ``kind``: the one list of them.

Each entry is a light declaration module (``screenpop/bridges/plugins``) with
the kind's config model, its ``doctor`` check and a factory that imports the
runtime module only when the kind is configured, so a workstation without
MQTT never loads aiomqtt and one without a webhook never loads aiohttp.
``screenpop.config.schema`` builds the ``[[bridge]]`` union from this list.

Adding a kind: a declaration module beside the others (``PLUGIN = Plugin(...)``),
a runtime module, and one line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from screenpop.config.plugins import CheckContext, Registry, Verdict

if TYPE_CHECKING:
    from screenpop.bridges.base import Bridge, ReplayGuard, SecretResolver

MODULES: dict[str, str] = {
    "demo": "screenpop.bridges.plugins.demo",
    "notify": "screenpop.bridges.plugins.notify",
    "baresip": "screenpop.bridges.plugins.baresip",
    "ami": "screenpop.bridges.plugins.ami",
    "tcp-json": "screenpop.bridges.plugins.tcpjson",
    "webhook": "screenpop.bridges.plugins.webhook",
    "mqtt": "screenpop.bridges.plugins.mqtt",
}

REGISTRY = Registry("bridge", MODULES)


@dataclass(frozen=True, slots=True)
class BridgeContext:
    """What a bridge may need besides its own config section."""

    extension: str
    secret: SecretResolver
    #: Directory for the local notify socket and similar runtime files.
    runtime_dir: str = ""
    #: Demo bridge only: the demo's scripted calls.
    demo_calls: tuple[Any, ...] = ()
    #: Durable memory of accepted signed messages (webhook, tcp-json auth), so a
    #: replay is refused after a restart too; None = this run's memory only.
    replay: ReplayGuard | None = None


def create(cfg: Any, ctx: BridgeContext) -> Bridge:
    """The running bridge a ``[[bridge]]`` table describes."""
    bridge: Bridge = REGISTRY.plugin(cfg.kind).create(cfg, ctx)
    return bridge


def check(cfg: Any, ctx: CheckContext) -> Verdict:
    """What ``doctor`` says about one configured bridge."""
    return REGISTRY.check(cfg, ctx)
