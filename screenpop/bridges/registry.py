"""Bridge plugins keyed by config ``kind``, imported only when configured.

Each plugin module exposes ``create(cfg, ctx) -> Bridge``. Lazy imports keep
start-up fast and let a workstation without, say, MQTT never load aiomqtt.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from screenpop.bridges.base import Bridge, ReplayGuard, SecretResolver

MODULES: dict[str, str] = {
    "demo": "screenpop.bridges.demo",
    "notify": "screenpop.bridges.notify",
    "baresip": "screenpop.bridges.baresip",
    "ami": "screenpop.bridges.ami",
    "tcp-json": "screenpop.bridges.tcpjson",
    "webhook": "screenpop.bridges.webhook",
    "mqtt": "screenpop.bridges.mqtt",
}


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
    module = importlib.import_module(MODULES[cfg.kind])
    bridge: Bridge = module.create(cfg, ctx)
    return bridge
