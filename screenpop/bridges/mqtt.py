"""MQTT bridge: the agent's own topic on a broker, one contract event per message.

Where hundreds of agents are served, the PBX/CTI side publishes each call to
``screenpop/agents/{extension}/calls`` and the broker (Mosquitto) fans it out;
broker ACLs decide who reads what (installers/bridges/mosquitto/). Choices:

- QoS 1 with a persistent session (``clean_session = False`` and a fixed client
  id per workstation): while this client is briefly away (network blip, app
  restart) the broker queues the agent's rings and delivers them on reconnect,
  so a short disconnect loses no ring. The price is at-least-once delivery,
  which the dispatcher's dedupe by call id absorbs.
- username/password from the keyring; TLS (``mqtts://``) with an optional CA,
  client certificate and key; ``insecure`` only skips hostname/cert checks for
  lab brokers.
"""

from __future__ import annotations

import logging
import re
import socket
import ssl
from urllib.parse import urlsplit

import aiomqtt

from screenpop.bridges.base import EventSink, HealthSink, reconnecting
from screenpop.bridges.contract import decode_event
from screenpop.bridges.registry import BridgeContext
from screenpop.config.schema import MqttBridge as MqttConfig
from screenpop.health import Health, HealthState

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
KEEPALIVE_S = 15
_WILDCARDS = re.compile(r"[+#\x00]")


def topic_for(template: str, extension: str) -> str:
    """The agent's topic; an extension can not widen it with MQTT wildcards."""
    if _WILDCARDS.search(extension) or "/" in extension:
        raise ValueError(f"agent extension {extension!r} can not be used in an MQTT topic")
    return template.replace("{extension}", extension)


def default_client_id(extension: str) -> str:
    """Stable per agent and workstation, so the broker keeps this session's queue."""
    host = re.sub(r"[^A-Za-z0-9_.-]", "", socket.gethostname())[:32] or "host"
    return f"screenpop-{extension}-{host}"[:64]


class _ClosingSSLSocket(ssl.SSLSocket):
    """An SSL socket that closes itself when its handshake fails.

    WORKAROUND for paho-mqtt 2.2 ``Client._ssl_wrap_socket``: when
    ``do_handshake()`` raises (untrusted broker certificate, broker gone) the
    socket is never closed, leaking one descriptor per reconnect attempt -- and
    this bridge retries forever.
    """

    def do_handshake(self, block: bool = False) -> None:
        try:
            super().do_handshake(block)
        except BaseException:
            self.close()
            raise


def tls_context(cfg: MqttConfig) -> ssl.SSLContext:
    """TLS for ``mqtts://``: system CAs (or ``ca_file``), optional client cert."""
    ctx = ssl.create_default_context(cafile=str(cfg.ca_file) if cfg.ca_file else None)
    ctx.sslsocket_class = _ClosingSSLSocket
    if cfg.cert_file:
        ctx.load_cert_chain(str(cfg.cert_file), str(cfg.key_file) if cfg.key_file else None)
    if cfg.insecure:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


class MqttBridge:
    """Subscribes to one topic with a persistent session and emits what arrives."""

    def __init__(self, cfg: MqttConfig, ctx: BridgeContext) -> None:
        self.name = cfg.label
        self.cfg = cfg
        url = urlsplit(cfg.url)
        self.tls = url.scheme == "mqtts"
        self.host = url.hostname or "127.0.0.1"
        self.port = url.port or (8883 if self.tls else 1883)
        self.topic = topic_for(cfg.topic, ctx.extension)
        self.client_id = cfg.client_id or default_client_id(ctx.extension)
        self._resolve = ctx.secret

    def _client(self) -> aiomqtt.Client:
        password = self._resolve(self.cfg.password) if self.cfg.password else None
        return aiomqtt.Client(
            self.host,
            self.port,
            username=self.cfg.username,
            password=password,
            identifier=self.client_id,
            clean_session=False,
            timeout=CONNECT_TIMEOUT_S,
            keepalive=KEEPALIVE_S,
            tls_context=tls_context(self.cfg) if self.tls else None,
        )

    async def run(self, emit: EventSink, health: HealthSink) -> None:
        connected = False

        async def session() -> None:
            nonlocal connected
            connected = False
            where = f"{'mqtts' if self.tls else 'mqtt'}://{self.host}:{self.port}"
            health(self.name, Health(HealthState.CONNECTING, where))
            async with self._client() as client:
                connected = True
                await client.subscribe(self.topic, qos=self.cfg.qos)
                health(self.name, Health(HealthState.CONNECTED, f"{where} {self.topic}"))
                log.info(
                    "mqtt %s: subscribed to %s on %s as %s",
                    self.name,
                    self.topic,
                    where,
                    self.client_id,
                )
                async for message in client.messages:
                    payload = message.payload
                    if not isinstance(payload, (bytes, bytearray)):
                        log.warning(
                            "mqtt %s: non-binary payload on %s dropped", self.name, message.topic
                        )
                        continue
                    event = decode_event(bytes(payload), self.name, "mqtt")
                    if event is not None:
                        emit(event)
            raise ConnectionError("broker connection ended")

        await reconnecting(self.name, session, health, on_connected_reset=lambda: connected)


def create(cfg: MqttConfig, ctx: BridgeContext) -> MqttBridge:
    return MqttBridge(cfg, ctx)
