"""The ``mqtt`` bridge plugin: call events fanned out by a broker, one topic per agent."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from screenpop.bridges.plugins.base import BridgeBase, tcp_reachable
from screenpop.config.fields import SecretRef
from screenpop.config.plugins import CheckContext, Plugin, Verdict

if TYPE_CHECKING:
    from screenpop.bridges.base import Bridge
    from screenpop.bridges.registry import BridgeContext


class MqttConfig(BridgeBase):
    """``kind = "mqtt"``: subscribe to the agent's topic (QoS 1, persistent session)."""

    kind: Literal["mqtt"]
    url: str = "mqtt://127.0.0.1:1883"
    """``mqtt://HOST[:PORT]``, or ``mqtts://`` for TLS; no credentials in it."""
    topic: str = "screenpop/agents/{extension}/calls"
    """The agent's topic; ``{extension}`` is ``agent.extension``."""
    username: str | None = None
    """The broker login (not a secret)."""
    password: SecretRef = None
    """The broker login's password."""
    client_id: str = ""
    """MQTT client id; empty = ``screenpop-EXTENSION-HOST``, stable so the broker keeps
    the session's queue while the app is down."""
    qos: int = Field(default=1, ge=0, le=2)
    """Subscription QoS."""
    ca_file: Path | None = None
    """``mqtts``: the CA bundle (PEM) that signs the broker; empty = the system's."""
    cert_file: Path | None = None
    """``mqtts``: a client certificate (PEM), where the broker wants one."""
    key_file: Path | None = None
    """``mqtts``: the client certificate's key (PEM)."""
    insecure: bool = False
    """``mqtts``: skip certificate and host name checks (test brokers only)."""

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not re.match(r"^mqtts?://[^/@:?#]+(:\d+)?/?$", value):
            raise ValueError(
                "url must be mqtt://HOST[:PORT] or mqtts://HOST[:PORT] (credentials go in "
                "username/password)"
            )
        return value


def check(cfg: MqttConfig, ctx: CheckContext) -> Verdict:
    for key in ("ca_file", "cert_file", "key_file"):
        path = getattr(cfg, key)
        if path is not None and not Path(path).is_file():
            return Verdict(False, f"{key} {path} does not exist")
    url = urlsplit(cfg.url)
    verdict = tcp_reachable(
        url.hostname or "127.0.0.1", url.port or (8883 if url.scheme == "mqtts" else 1883)
    )
    if verdict.ok and cfg.insecure:
        unchecked = " (insecure: the broker's certificate is not checked)"
        return Verdict(True, verdict.detail + unchecked)
    return verdict


def create(cfg: MqttConfig, ctx: BridgeContext) -> Bridge:
    from screenpop.bridges.mqtt import create as make

    return make(cfg, ctx)


PLUGIN = Plugin("mqtt", MqttConfig, check, create)
