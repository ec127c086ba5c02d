"""A real HTTP back-office for the REST source tests, run as its own process.

``python -m tests.sources.restserver [--host H] [--tls CERT KEY] [--token T] [--user U --password P]``
prints ``PORT`` on stdout once it listens on H (127.0.0.1 by default). It serves the sample
customers (tests/sampledb.py) in an API shape unlike the SQL tables, so the
source's dotted-path mapping is what makes the cards identical, and it
misbehaves on request:

/api/customers?phone=E164          {"results": [{"id", "displayName", "contact": {...}}]}
/api/customers?account=ID          same, by customer id (IVR account)
/api/customers/ID/account          {"account": {"balance": {"amount", "currency"}, "overdue": {...}}}
/api/customers/ID/orders           {"orders": [{"date", "sku", "title", "qty", "total"}]}
/api/customers/ID/credit           {"credit": {"limit", "grade", "terms", "hold"}}
/secure/...                        the same, behind basic/bearer/API-key auth (401 otherwise)
/echo/...                          the raw request line and auth headers, as JSON
/slow/MS/...                       waits MS milliseconds first
/hang                              answers nothing for 30 s
/status/CODE                       that status with a small JSON body
/flaky/KEY/N/...                   503 for the first N requests with KEY, then the API
/drop/KEY/N/...                    closes the first N connections with KEY unanswered
/count/KEY                         {"count": requests seen for KEY}
/malformed                         200 with broken JSON
/nonfinite?v=NaN|Infinity|1e999    the credit answer with that number as the limit
/redirect?to=URL                   302 to URL (the test decides which host)
/loop                              302 to /loop, for ever
/huge?declared=0|1&tag=K           200 with 50 MB of JSON (Content-Length declared or not)
/trickle?tag=K                     headers at once, then one byte every 100 ms
/sent/KEY                          {"sent": bytes} once /huge or /trickle with KEY has ended
                                   (waits for it: the client hung up, or all was sent)
/messy?tail=T                      messy legacy numbers (tests/sources/messydata.py) by tail
"""

from __future__ import annotations

import argparse
import base64
import json
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from tests import sampledb
from tests.sources import messydata

COUNTS: dict[str, int] = {}
LOCK = threading.Lock()
#: Bytes of a body sent by key, and an event set when that answer has ended.
SENT: dict[str, int] = {}
ENDED: dict[str, threading.Event] = {}


def ended(key: str) -> threading.Event:
    with LOCK:
        return ENDED.setdefault(key, threading.Event())


def record_sent(key: str, sent: int) -> None:
    if key:
        with LOCK:
            SENT[key] = sent
        ended(key).set()


def customers(by: str, value: str) -> list[dict[str, object]]:
    out = []
    for c in sampledb.CUSTOMERS:
        if (by == "phone" and c[2] == value) or (by == "account" and c[0] == value):
            out.append({"id": c[0], "displayName": c[1], "contact": {"phone": c[2]}})
    return out


def api(path: str, query: dict[str, list[str]]) -> tuple[int, object]:
    if path == "/api/customers":
        if "phone" in query:
            return 200, {"results": customers("phone", query["phone"][0])}
        if "account" in query:
            return 200, {"results": customers("account", query["account"][0])}
        return 400, {"error": "phone or account"}
    parts = path.split("/")
    if len(parts) == 5 and parts[1:3] == ["api", "customers"]:
        cid, what = unquote(parts[3]), parts[4]
        row = next((c for c in sampledb.CUSTOMERS if c[0] == cid), None)
        if row is None:
            return 404, {"error": "no such customer"}
        if what == "account":
            return 200, {
                "account": {
                    "balance": {"amount": row[3], "currency": row[6]},
                    "overdue": {"amount": row[4], "days": row[5]},
                }
            }
        if what == "orders":
            lines = sorted(
                (ln for ln in sampledb.LINES if ln[0] == cid), key=lambda ln: ln[1], reverse=True
            )
            return 200, {
                "orders": [
                    {"date": ln[1], "sku": ln[2], "title": ln[3], "qty": ln[4], "total": ln[5]}
                    for ln in lines
                ]
            }
        if what == "credit":
            return 200, {
                "credit": {
                    "limit": float(row[7]),
                    "grade": row[8],
                    "terms": row[9],
                    "hold": row[10],
                }
            }
    return 404, {"error": "not found"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    token = ""
    user = ""
    password = ""

    def setup(self) -> None:
        super().setup()
        # Headers and body go out as separate writes: without this, Nagle and
        # the client's delayed ACK add ~40 ms to every keep-alive request.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_json(self, status: int, body: object, *, raw: bytes | None = None) -> None:
        data = raw if raw is not None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def authorised(self) -> bool:
        auth = self.headers.get("Authorization", "")
        if self.token and auth == f"Bearer {self.token}":
            return True
        if self.token and self.headers.get("X-API-Key") == self.token:
            return True
        if self.user and auth.startswith("Basic "):
            pair = base64.b64decode(auth[6:]).decode()
            return pair == f"{self.user}:{self.password}"
        return False

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        parts = path.split("/")
        if path.startswith("/sent/"):
            done = ended(parts[2]).wait(30)
            with LOCK:
                self.send_json(200 if done else 504, {"sent": SENT.get(parts[2])})
            return
        if path.startswith("/count/"):
            with LOCK:
                self.send_json(200, {"count": COUNTS.get(parts[2], 0)})
            return
        if path.startswith(("/flaky/", "/drop/")):
            key, n = parts[2], int(parts[3])
            with LOCK:
                COUNTS[key] = COUNTS.get(key, 0) + 1
                seen = COUNTS[key]
            if seen <= n:
                if parts[1] == "flaky":
                    self.send_json(503, {"error": "busy"})
                else:
                    self.close_connection = True
                    self.connection.shutdown(2)
                return
            path = "/" + "/".join(parts[4:])
        if path.startswith("/slow/"):
            time.sleep(int(parts[2]) / 1000)
            path = "/" + "/".join(parts[3:])
        if path.startswith("/secure/"):
            if not self.authorised():
                self.send_json(401, {"error": "unauthorised"})
                return
            path = path[len("/secure") :]
        if path.startswith("/echo"):
            self.send_json(
                200,
                {
                    "path": self.path,
                    "authorization": self.headers.get("Authorization"),
                    "api_key": self.headers.get("X-API-Key"),
                },
            )
            return
        if path == "/hang":
            time.sleep(30)
            return
        if path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "100")
            self.end_headers()
            sent = 0
            try:
                for _ in range(100):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    sent += 1
                    time.sleep(0.1)
            except OSError:
                pass
            record_sent(query.get("tag", [""])[0], sent)
            return
        if path.startswith("/status/"):
            self.send_json(int(parts[2]), {"error": "as requested"})
            return
        if path == "/nonfinite":
            number = query.get("v", ["NaN"])[0].encode()
            raw = b'{"credit": {"limit": ' + number + b', "grade": "A", "terms": "Net 30"}}'
            self.send_json(200, None, raw=raw)
            return
        if path in ("/redirect", "/loop"):
            self.send_response(302)
            self.send_header("Location", query["to"][0] if path == "/redirect" else "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path == "/malformed":
            self.send_json(200, None, raw=b'{"credit": {"limit": 5000, "terms": ')
            return
        if path == "/huge":
            self.huge(
                declared=query.get("declared", ["0"])[0] == "1", key=query.get("tag", [""])[0]
            )
            return
        if path == "/messy":
            tail = query.get("tail", [""])[0]
            rows = [
                {"id": cid, "name": name, "phone": phone, "country": country}
                for cid, name, phone, country in messydata.ROWS
                if messydata.sql_tail(phone) == tail
            ]
            self.send_json(200, {"results": rows})
            return
        status, body = api(path, query)
        self.send_json(status, body)

    def huge(self, *, declared: bool, key: str) -> None:
        size = 50 * 1024 * 1024
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if declared:
            self.send_header("Content-Length", str(size))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b'{"x": "' + b"a" * 65_000 + b'"},'
        sent = 0
        try:
            while sent < size:
                if declared:
                    self.wfile.write(chunk)
                else:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
            if not declared:
                self.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the client stopped reading: that is the point
        record_sent(key, sent)
        self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError)):
            return  # a client that stopped reading at its deadline: expected here
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--token", default="")
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    args = parser.parse_args()
    Handler.token, Handler.user, Handler.password = args.token, args.user, args.password
    server = Server((args.host, 0), Handler)
    if args.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    sys.stdout.close()
    server.serve_forever()


if __name__ == "__main__":
    main()
