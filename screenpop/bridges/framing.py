"""Byte-stream framings the TCP bridges speak: netstrings and JSON lines.

baresip's ctrl_tcp and kamailio's evapi both frame messages as netstrings
(``<decimal byte length>:<payload>,``, length in UTF-8 *bytes*, frames back to
back with no separator); simpler pushers send one JSON object per line. Both
decoders are incremental (TCP delivers arbitrary slices), bounded (a peer can
not make us buffer without limit) and never raise: frames completed before a
corruption are still delivered, then ``error`` says what broke and the bridge
treats the stream as lost ("reconnect"), because the position in it is.
"""

from __future__ import annotations

#: Largest frame we accept; screenpop events are capped at 64 KiB and baresip's
#: frames are a few hundred bytes, so 1 MiB is generous and still bounded.
MAX_FRAME = 1024 * 1024
#: A length prefix longer than this many digits can only be garbage.
_MAX_DIGITS = len(str(MAX_FRAME))


class FramingError(ValueError):
    """The byte stream is not in the expected framing; the connection is unusable."""


def encode_netstring(payload: bytes) -> bytes:
    """Frame ``payload`` as one netstring."""
    return str(len(payload)).encode("ascii") + b":" + payload + b","


class NetstringDecoder:
    """Incremental netstring decoder: ``feed`` bytes, get complete payloads."""

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self.max_frame = max_frame
        self._buf = bytearray()
        #: Set once the stream turned out corrupt; no frame is decoded after it.
        self.error: FramingError | None = None

    @property
    def pending(self) -> int:
        """Bytes held that do not yet form a complete frame."""
        return len(self._buf)

    def feed(self, data: bytes) -> list[bytes]:
        """Add ``data``; return every frame completed before any corruption, in order.

        A malformed prefix, an oversized frame or a missing trailing comma sets
        ``error``; from then on nothing more is decoded (the connection must go).
        """
        frames: list[bytes] = []
        if self.error is not None:
            return frames
        self._buf += data
        try:
            self._decode(frames)
        except FramingError as exc:
            self.error = exc
            self._buf.clear()
        return frames

    def _decode(self, frames: list[bytes]) -> None:
        while self._buf:
            colon = self._buf.find(b":", 0, _MAX_DIGITS + 1)
            if colon < 0:
                if len(self._buf) > _MAX_DIGITS or not self._buf.isdigit():
                    raise FramingError(f"bad netstring length prefix {bytes(self._buf[:16])!r}")
                break
            prefix = bytes(self._buf[:colon])
            if not prefix.isdigit() or (len(prefix) > 1 and prefix.startswith(b"0")):
                raise FramingError(f"bad netstring length prefix {prefix[:16]!r}")
            length = int(prefix)
            if length > self.max_frame:
                raise FramingError(f"netstring frame of {length} bytes exceeds {self.max_frame}")
            end = colon + 1 + length
            if len(self._buf) <= end:
                break
            if self._buf[end] != ord(","):
                raise FramingError("netstring frame not terminated by ','")
            frames.append(bytes(self._buf[colon + 1 : end]))
            del self._buf[: end + 1]


class LineDecoder:
    """Incremental newline-delimited decoder (JSON lines); blank lines are skipped."""

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self.max_frame = max_frame
        self._buf = bytearray()
        self.error: FramingError | None = None

    @property
    def pending(self) -> int:
        return len(self._buf)

    def feed(self, data: bytes) -> list[bytes]:
        """Add ``data``; return every complete line (without ``\\n``/``\\r\\n``)."""
        frames: list[bytes] = []
        if self.error is not None:
            return frames
        self._buf += data
        while True:
            nl = self._buf.find(b"\n")
            if nl < 0:
                if len(self._buf) > self.max_frame:
                    self.error = FramingError(f"line longer than {self.max_frame} bytes")
                    self._buf.clear()
                break
            line = bytes(self._buf[:nl]).rstrip(b"\r")
            del self._buf[: nl + 1]
            if len(line) > self.max_frame:
                self.error = FramingError(f"line longer than {self.max_frame} bytes")
                self._buf.clear()
                break
            if line.strip():
                frames.append(line)
        return frames


Decoder = NetstringDecoder | LineDecoder


def make_decoder(framing: str, max_frame: int = MAX_FRAME) -> Decoder:
    """The decoder for a config ``framing`` value (``netstring`` or ``lines``)."""
    if framing == "netstring":
        return NetstringDecoder(max_frame)
    if framing == "lines":
        return LineDecoder(max_frame)
    raise ValueError(f"unknown framing {framing!r}")
