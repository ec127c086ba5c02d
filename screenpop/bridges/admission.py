"""Who may hold a connection to a listening bridge, and who must make room.

A listener on a shared machine is reachable by every local process. Without
rules, 32 processes that connect and say nothing (or half a frame) fill every
slot and real rings are refused. The rules:

- a connection is *pending* until it authenticates (``tcpauth``), then
  *trusted*; a pending one has ``auth_timeout_s`` to do so, all of it;
- at most ``max_pending_per_peer`` pending connections per peer: a peer's
  newest connection pushes out its own oldest pending one, so one peer can not
  crowd out another;
- at most ``max_clients`` in all: when full, the oldest pending connection of
  the peer holding the most pending ones makes room. Only when every slot is
  trusted is a new connection refused, and only holders of the secret can get
  there.

A *peer* is its address, except on loopback where every process shares
127.0.0.1: there it is the OS user owning the client socket (Linux
``/proc/net/tcp``), so one local user can not starve another's pusher.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

log = logging.getLogger(__name__)

_PROC_TABLES = (Path("/proc/net/tcp"), Path("/proc/net/tcp6"))


@dataclass(frozen=True, slots=True)
class Limits:
    """Listener limits (defaults suit one desk's pushers; tests shorten the times)."""

    max_clients: int = 32
    max_pending_per_peer: int = 8
    #: Seconds from accept to a valid auth frame.
    auth_timeout_s: float = 5.0
    #: Seconds a started frame may take to complete (a trusted peer that stalls mid-frame).
    frame_timeout_s: float = 10.0
    #: Seconds a trusted connection may stay silent (a blank line or ``0:,`` keeps it).
    idle_timeout_s: float = 900.0


@dataclass(eq=False, slots=True)
class Slot:
    """One admitted connection."""

    peer: str
    close: Callable[[], None]
    since: float = field(default_factory=time.monotonic)
    trusted: bool = False
    evicted: bool = False


class Admission:
    """The slot table of one listener (used on its event loop only; not thread-safe)."""

    def __init__(self, limits: Limits, bridge: str) -> None:
        self.limits = limits
        self.bridge = bridge
        self._slots: dict[int, Slot] = {}
        self._ids = count()
        self.evicted = 0
        self.refused = 0

    def __len__(self) -> int:
        return len(self._slots)

    def pending(self, peer: str | None = None) -> list[Slot]:
        """Pending slots, oldest first (of ``peer`` only, if given)."""
        return [s for s in self._slots.values()
                if not s.trusted and (peer is None or s.peer == peer)]

    def admit(self, peer: str, close: Callable[[], None]) -> Slot | None:
        """A slot for a new connection from ``peer``, making room if needed; None = refuse."""
        own = self.pending(peer)
        if len(own) >= self.limits.max_pending_per_peer:
            self._evict(own[0], "its peer opened another connection")
        if len(self._slots) >= self.limits.max_clients:
            victim = self._victim()
            if victim is None:
                self.refused += 1
                log.warning("%s: refusing a connection from %s: all %d slots hold "
                            "authenticated clients", self.bridge, peer, len(self._slots))
                return None
            self._evict(victim, "the listener is full")
        slot = Slot(peer, close)
        self._slots[next(self._ids)] = slot
        return slot

    def trust(self, slot: Slot) -> None:
        slot.trusted = True

    def release(self, slot: Slot) -> None:
        for key, held in list(self._slots.items()):
            if held is slot:
                del self._slots[key]
                return

    def _victim(self) -> Slot | None:
        pending = self.pending()
        if not pending:
            return None
        per_peer: dict[str, int] = {}
        for s in pending:
            per_peer[s.peer] = per_peer.get(s.peer, 0) + 1
        greediest = max(per_peer, key=lambda p: per_peer[p])
        return next(s for s in pending if s.peer == greediest)

    def _evict(self, slot: Slot, why: str) -> None:
        self.release(slot)
        slot.evicted = True
        self.evicted += 1
        log.debug("%s: closed an unauthenticated connection from %s: %s", self.bridge,
                  slot.peer, why)
        if self.evicted in (1, 10, 100) or self.evicted % 1000 == 0:
            log.warning("%s: %d unauthenticated connections closed to make room so far "
                        "(someone is holding connections open)", self.bridge, self.evicted)
        slot.close()


def _proc_hex(host: str, port: int) -> str:
    """An address as the kernel prints it in /proc/net/tcp{,6} (native-endian words)."""
    ip = ipaddress.ip_address(host)
    if ip.version == 4:
        word = struct.unpack("=I", ip.packed)[0]
        return f"{word:08X}:{port:04X}"
    words = struct.unpack("=4I", ip.packed)
    return "".join(f"{w:08X}" for w in words) + f":{port:04X}"


def loopback_uid(client: tuple[str, int], server: tuple[str, int]) -> int | None:
    """The OS user owning the local client socket of a loopback connection (Linux), or None."""
    try:
        want_local, want_remote = _proc_hex(*client), _proc_hex(*server)
    except ValueError:
        return None
    for table in _PROC_TABLES:
        try:
            lines = table.read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if len(parts) > 7 and parts[1] == want_local and parts[2] == want_remote:
                try:
                    return int(parts[7])
                except ValueError:
                    return None
    return None


def peer_of(sock: socket.socket | None) -> str:
    """The fairness key of a connected socket: ``uid:N`` on loopback, else its address."""
    if sock is None:
        return "unknown"
    try:
        client = sock.getpeername()
        server = sock.getsockname()
    except OSError:
        return "unknown"
    host = str(client[0])
    try:
        loop = ipaddress.ip_address(host).is_loopback
    except ValueError:
        return f"addr:{host}"
    if loop:
        uid = loopback_uid((host, int(client[1])), (str(server[0]), int(server[1])))
        if uid is not None:
            return f"uid:{uid}"
    return f"addr:{host}"
