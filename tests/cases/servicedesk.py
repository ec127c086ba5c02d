"""A real service desk behind HTTP for the cases tests, run as its own process.

``python -m tests.cases.servicedesk --store FILE [--port P]`` prints ``PORT``
on stdout once it listens on 127.0.0.1. Cases live in FILE (JSON), so the
desk can be stopped (an outage) and started again on the same port with what
it had.

GET  /customers/ID/cases   {"cases": [...]} of that customer
POST /cases                body {"case_id", "customer_id", ...}; 201 new, 409 when the
                           case id is already there; the Idempotency-Key header must
                           equal the body's case_id (400 otherwise)
GET  /posts                {"posts": POST requests seen since this process started}
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LOCK = threading.Lock()
POSTS = [0]


class Desk(BaseHTTPRequestHandler):
    store: Path

    def log_message(self, *_args: object) -> None:
        pass

    def _send(self, status: int, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _cases(self) -> list[dict[str, object]]:
        if not self.store.exists():
            return []
        return list(json.loads(self.store.read_text()))

    def do_GET(self) -> None:
        parts = self.path.strip("/").split("/")
        if parts == ["posts"]:
            self._send(200, {"posts": POSTS[0]})
        elif len(parts) == 3 and parts[0] == "customers" and parts[2] == "cases":
            with LOCK:
                rows = [c for c in self._cases() if c.get("customer_id") == parts[1]]
            self._send(200, {"cases": rows})
        else:
            self._send(404, {"error": "no such thing"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length))
        with LOCK:
            POSTS[0] += 1
            if self.path != "/cases":
                self._send(404, {"error": "no such thing"})
                return
            if self.headers.get("Idempotency-Key") != body.get("case_id"):
                self._send(400, {"error": "Idempotency-Key is not the case id"})
                return
            cases = self._cases()
            if any(c.get("case_id") == body["case_id"] for c in cases):
                self._send(409, {"error": "case exists"})
                return
            cases.append(body)
            tmp = self.store.with_suffix(".tmp")
            tmp.write_text(json.dumps(cases))
            tmp.replace(self.store)
        self._send(201, {"case_id": body["case_id"]})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    Desk.store = args.store
    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Desk)
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    sys.exit(0)


if __name__ == "__main__":
    main()
