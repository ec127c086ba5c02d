"""The Asterisk Manager Interface's wire format: CRLF "Key: Value" packets
ended by an empty line, after a banner ``Asterisk Call Manager/<version>``.

Kept apart from the bridge so that parsing can be tested (and fuzzed) on its
own, byte by byte, without a connection.
"""

from __future__ import annotations

BANNER_PREFIX = "Asterisk Call Manager/"
CONNECT_TIMEOUT_S = 5.0
LOGIN_TIMEOUT_S = 5.0
PING_INTERVAL_S = 20.0
MAX_PACKET = 64 * 1024
MAX_TRACKED_CALLS = 4096
#: Hangup cause 26: "answered elsewhere" (another member of a ring group/queue picked up).
CAUSE_ANSWERED_ELSEWHERE = "26"
_UNKNOWN = {"<unknown>", "<Unknown>", "unknown"}
_EVENTS = frozenset({
    "newchannel", "newstate", "dialbegin", "dialend", "dial", "agentcalled",
    "agentconnect", "queuecallerjoin", "hangup",
})

Packet = dict[str, str]


class AmiError(Exception):
    """The AMI peer refused us or is not an AMI server."""


class AmiAuthError(AmiError):
    """Login refused (wrong username/secret or not permitted from this host)."""


class AmiParser:
    """Incremental AMI packet parser: bytes in, packets (lower-cased keys) out; never raises.

    The first line of a session is the banner (``banner``). A packet larger
    than ``MAX_PACKET`` makes the stream unusable (``error`` is set).
    """

    def __init__(self, expect_banner: bool = True, max_packet: int = MAX_PACKET) -> None:
        self.banner: str | None = None if expect_banner else ""
        self.max_packet = max_packet
        self.error: str | None = None
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[Packet]:
        packets: list[Packet] = []
        if self.error is not None:
            return packets
        self._buf += data
        if self.banner is None:
            nl = self._buf.find(b"\n")
            if nl < 0:
                if len(self._buf) > 512:
                    self.error = "no AMI banner line"
                return packets
            self.banner = bytes(self._buf[:nl]).rstrip(b"\r").decode("utf-8", "replace")
            del self._buf[: nl + 1]
        while True:
            end, sep = _packet_end(self._buf)
            if end < 0:
                if len(self._buf) > self.max_packet:
                    self.error = f"AMI packet larger than {self.max_packet} bytes"
                    self._buf.clear()
                return packets
            raw = bytes(self._buf[:end])
            del self._buf[: end + sep]
            packet = parse_packet(raw)
            if packet:
                packets.append(packet)


def _packet_end(buf: bytearray) -> tuple[int, int]:
    """Where the first packet ends (blank line), tolerating bare LF line ends."""
    crlf = buf.find(b"\r\n\r\n")
    lf = buf.find(b"\n\n")
    if crlf >= 0 and (lf < 0 or crlf <= lf):
        return crlf, 4
    if lf >= 0:
        return lf, 2
    return -1, 0


def parse_packet(raw: bytes) -> Packet:
    """One packet's "Key: Value" lines; first occurrence of a key wins; never raises."""
    packet: Packet = {}
    text = raw.decode("utf-8", "replace")
    for line in text.split("\n"):
        line = line.rstrip("\r")
        key, colon, value = line.partition(":")
        if not colon or not key or " " in key.strip():
            continue  # command output or noise, not a field
        packet.setdefault(key.strip().lower(), value.strip())
    return packet


def encode_action(fields: dict[str, str]) -> bytes:
    """One AMI action packet; CR/LF in values are refused (they would inject fields)."""
    lines = []
    for key, value in fields.items():
        if any(ch in value for ch in "\r\n") or any(ch in key for ch in "\r\n:"):
            raise ValueError(f"AMI field {key!r} contains a line break")
        lines.append(f"{key}: {value}\r\n")
    return ("".join(lines) + "\r\n").encode("utf-8")
