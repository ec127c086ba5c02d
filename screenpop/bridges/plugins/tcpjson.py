"""The ``tcp-json`` bridge plugin: the event contract over TCP (kamailio ``evapi``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from screenpop.bridges.plugins.base import LOOPBACK, BridgeBase, tcp_reachable
from screenpop.config.fields import SecretRef
from screenpop.config.plugins import CheckContext, Plugin, Verdict

if TYPE_CHECKING:
    from screenpop.bridges.base import Bridge
    from screenpop.bridges.registry import BridgeContext


class TcpJsonConfig(BridgeBase):
    """``kind = "tcp-json"``: call events as netstrings or JSON lines, pushed by any
    bridge, e.g. kamailio's ``evapi`` with the shipped snippet."""

    kind: Literal["tcp-json"]
    host: str = "127.0.0.1"
    """``connect``: the peer to dial; ``listen``: the address to listen on."""
    port: int = Field(default=8448, ge=1, le=65535)
    """The peer's (``connect``) or our (``listen``) port."""
    framing: Literal["netstring", "lines"] = "netstring"
    """One event per netstring (evapi's default) or per line."""
    mode: Literal["connect", "listen"] = "connect"
    """``connect``: we dial the peer (kamailio evapi); ``listen``: peers dial us."""
    secret: SecretRef = None
    """``listen`` only: the shared key peers prove with their first frame (an HMAC
    auth frame); a listener without it does not start."""

    @model_validator(mode="after")
    def _secret_for_listen(self) -> TcpJsonConfig:
        if self.secret and self.mode != "listen":
            raise ValueError(
                'secret is used by mode = "listen" only (a connect-mode bridge trusts the '
                "address it dials)"
            )
        return self


def check(cfg: TcpJsonConfig, ctx: CheckContext) -> Verdict:
    if cfg.mode == "connect":
        return tcp_reachable(cfg.host, cfg.port)
    where = f"{cfg.host}:{cfg.port}"
    if not cfg.secret:
        return Verdict(False, f"listens on {where} but has no secret: refuses every peer")
    if cfg.host not in LOOPBACK:
        return Verdict(True, f"listens on {where} (NOT loopback-only: check the firewall)")
    return Verdict(True, f"listens on {where}")


def create(cfg: TcpJsonConfig, ctx: BridgeContext) -> Bridge:
    from screenpop.bridges.tcpjson import create as make

    return make(cfg, ctx)


PLUGIN = Plugin("tcp-json", TcpJsonConfig, check, create)
