"""The Windows side of the notify bridge: a named pipe only this user can open.

``claim_pipe`` is the single-instance lock and the channel at once:

* a lock on ``screenpop.lock`` in the user's runtime directory (held by the
  process, dropped by Windows when it dies, so a killed instance leaves no
  stale lock); taken: another instance of this user runs (``AlreadyRunning``);
* a named pipe ``\\\\.\\pipe\\screenpop-<128 random bits>``, created as the first
  instance of that name (nobody can have planted it: the name is not
  guessable), remote (SMB) clients rejected, with a protected DACL granting
  only the current user's SID (``screenpop.winsec``);
* ``screenpop.pipe`` naming the pipe and a random token, in the runtime
  directory, whose DACL is also the user's alone; a request without the
  token is refused.

``PipeServer`` serves any ``multiprocessing.connection`` listener (tests run
it on Linux over ``AF_UNIX``): it accepts on its own thread, serves each
connection on a small pool with a read deadline (a client that connects and
says nothing holds nobody up), and answers one JSON line per request.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from screenpop.notify_client import MAX_MESSAGE, PIPE_PREFIX, read_pipe_file, socket_path

log = logging.getLogger(__name__)

LOCK_FILE = "screenpop.lock"
#: A Windows pipe-mode flag ``_winapi`` does not name: refuse clients over SMB.
PIPE_REJECT_REMOTE_CLIENTS = 0x00000008


class AlreadyRunning(Exception):
    """Another screenpop instance owns the notify socket."""


class Connection(Protocol):
    def poll(self, timeout: float | None = ...) -> bool: ...
    def recv_bytes(self, maxlength: int | None = ...) -> bytes: ...
    def send_bytes(self, buf: bytes, offset: int = ..., size: int | None = ...) -> None: ...
    def close(self) -> None: ...


class Listener(Protocol):
    def accept(self) -> Connection: ...
    def close(self) -> None: ...


Handler = Callable[[bytes], dict[str, Any]]


class PipeChannel(Protocol):
    """What the bridge needs of a claimed pipe (``PipeClaim`` on Windows)."""

    listener: Listener
    token: str

    def wake(self) -> None: ...
    def close(self) -> None: ...


class PipeServer:
    """Accept on a thread; answer each connection's one request within ``read_timeout``."""

    def __init__(
        self,
        listener: Listener,
        wake: Callable[[], None],
        handle: Handler,
        *,
        workers: int = 4,
        read_timeout: float = 5.0,
    ) -> None:
        self._listener = listener
        self._wake = wake
        self._handle = handle
        self._read_timeout = read_timeout
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="notify")
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, name="notify-accept", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop accepting (waking ``accept`` with a connection of our own) and wait."""
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._wake()
        self._thread.join(5.0)
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                conn = self._listener.accept()
            except OSError as exc:
                if self._stopping.is_set():
                    return
                log.warning("notify: accept failed: %s", exc)
                self._stopping.wait(0.2)
                continue
            if self._stopping.is_set():
                conn.close()
                return
            try:
                self._pool.submit(self._serve, conn)
            except RuntimeError:  # pool shut down meanwhile
                conn.close()

    def _serve(self, conn: Connection) -> None:
        try:
            try:
                if not conn.poll(self._read_timeout):
                    reply: dict[str, Any] = {"ok": False, "error": "bad request: no request"}
                else:
                    reply = self._handle(conn.recv_bytes(MAX_MESSAGE))
            except EOFError:
                return  # connected and went away (e.g. a probe)
            except OSError as exc:
                reply = {"ok": False, "error": f"bad request: {type(exc).__name__}"}
            conn.send_bytes(json.dumps(reply).encode() + b"\n")
        except (OSError, EOFError):
            pass  # the client left before the answer
        except Exception:
            log.exception("notify: request failed")
        finally:
            with contextlib.suppress(OSError):
                conn.close()


if sys.platform == "win32":
    import _winapi
    import ctypes
    import msvcrt
    from multiprocessing.connection import (  # type: ignore[attr-defined]
        BUFSIZE,
        Client,
        PipeListener,
    )

    from screenpop import winsec
    from screenpop.winsec import Descriptor

    class UserOnlyPipeListener(PipeListener):  # type: ignore[misc]
        """``multiprocessing``'s pipe listener, each instance created with our DACL.

        WORKAROUND: ``PipeListener`` creates its pipes with the default security
        descriptor (Everyone may read) and takes no other; ``_new_handle`` is
        its one place that creates them (CPython 3.11-3.13), replaced here.
        """

        def __init__(self, address: str, descriptor: Descriptor) -> None:
            self._attributes = descriptor.attributes()
            super().__init__(address)

        def _new_handle(self, first: bool = False) -> int:
            flags = _winapi.PIPE_ACCESS_DUPLEX | _winapi.FILE_FLAG_OVERLAPPED
            if first:
                flags |= _winapi.FILE_FLAG_FIRST_PIPE_INSTANCE
            return int(
                _winapi.CreateNamedPipe(
                    self._address,
                    flags,
                    _winapi.PIPE_TYPE_MESSAGE
                    | _winapi.PIPE_READMODE_MESSAGE
                    | _winapi.PIPE_WAIT
                    | PIPE_REJECT_REMOTE_CLIENTS,
                    _winapi.PIPE_UNLIMITED_INSTANCES,
                    BUFSIZE,
                    BUFSIZE,
                    _winapi.NMPWAIT_WAIT_FOREVER,
                    ctypes.addressof(self._attributes),
                )
            )

    class PipeClaim:
        """This user's instance lock and notify pipe (Windows); ``close()`` releases both."""

        def __init__(self, runtime_dir: Path) -> None:
            runtime_dir.mkdir(parents=True, exist_ok=True)
            try:
                winsec.restrict_to_user(runtime_dir)
            except OSError as exc:  # still the profile's ACL: the user's and the admins'
                log.warning("notify: could not make %s private: %s", runtime_dir, exc)
            self.path = socket_path(runtime_dir)
            lock_path = runtime_dir / LOCK_FILE
            self._lock_fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                msvcrt.locking(self._lock_fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                os.close(self._lock_fd)
                raise AlreadyRunning(f"screenpop is already running (lock {lock_path})") from None
            try:
                self.address = PIPE_PREFIX + secrets.token_hex(16)
                self.token = secrets.token_hex(32)
                self._descriptor = winsec.user_only()
                self.listener = UserOnlyPipeListener(self.address, self._descriptor)
                tmp = self.path.with_name(self.path.name + ".new")
                tmp.write_text(f"{self.address} {self.token}\n", encoding="ascii")
                os.replace(tmp, self.path)
            except BaseException:
                self._unlock()
                raise
            self._closed = False

        def wake(self) -> None:
            Client(self.address, family="AF_PIPE").close()

        def close(self) -> None:
            if self._closed:
                return
            self._closed = True
            with contextlib.suppress(OSError):
                self.listener.close()
            with contextlib.suppress(OSError, ValueError):
                if read_pipe_file(self.path)[0] == self.address:  # not a newer instance's
                    self.path.unlink()
            self._descriptor.free()
            self._unlock()

        def _unlock(self) -> None:
            with contextlib.suppress(OSError):
                os.lseek(self._lock_fd, 0, os.SEEK_SET)
                msvcrt.locking(self._lock_fd, msvcrt.LK_UNLCK, 1)
            os.close(self._lock_fd)
