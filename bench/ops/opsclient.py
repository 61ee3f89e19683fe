#!/usr/bin/env python3
"""Clients of the operations checks (bench/ops/*.sh), Python standard library only.

  opsclient.py subscribe  --ws ws://127.0.0.1:8081/graphql --token-file F --out events.jsonl [--seconds 60]
        holds a handoffAssigned subscription (graphql-transport-ws) and writes every event as a JSON line
  opsclient.py ledger     --pods URL,URL --kc URL --user ada.admin --leads N --handoffs FILE --out DIR --stop-file F
        steady ingest (activitiesRecord batches, each activity with its clientEventId) and handoff decisions
        (handoffAccept with an idempotencyKey) spread over the pods, every request written to DIR/ledger.jsonl
        with its outcome, until the stop file appears
  opsclient.py retry      --pods URL --kc URL --user ada.admin --out DIR
        sends every unacknowledged write of DIR/ledger.jsonl again, with the same ids and keys (DIR/retry.jsonl)
  opsclient.py readiness  --urls URL,URL --out FILE --stop-file F
        polls readiness every 250 ms and writes each change of state with its time
"""
import argparse
import base64
import json
import os
import random
import socket
import struct
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request


def token(kc, user, password="leadproof", timeout=15):
    data = urllib.parse.urlencode({"grant_type": "password", "client_id": "leadproof-cli",
                                   "username": user, "password": password}).encode()
    url = kc.rstrip("/") + "/realms/leadproof/protocol/openid-connect/token"
    with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=timeout) as r:
        return json.loads(r.read())["access_token"]


def post(url, tok, query, variables=None, timeout=30):
    """One GraphQL request: (HTTP status, headers, parsed body or None, seconds)."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json", "Authorization": "Bearer " + tok})
    start = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, headers, raw = r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        status, headers, raw = e.code, dict(e.headers), e.read()
    except (urllib.error.URLError, socket.timeout, ConnectionError, TimeoutError) as e:
        return None, {}, {"transport": str(e)}, time.monotonic() - start
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = {"unparsed": raw[:200].decode("utf-8", "replace")}
    return status, headers, parsed, time.monotonic() - start


def first_error(body):
    errors = (body or {}).get("errors") or []
    if not errors:
        return None, None
    ext = errors[0].get("extensions") or {}
    return ext.get("code"), ext.get("retryAfter")


# ---- graphql-transport-ws over a minimal RFC 6455 client ----------------------------------------------------------

class WebSocket:
    def __init__(self, url, headers, protocol):
        u = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((u.hostname, u.port or 80), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [f"GET {u.path or '/'} HTTP/1.1", f"Host: {u.hostname}:{u.port}", "Upgrade: websocket", "Connection: Upgrade",
                 f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13", f"Sec-WebSocket-Protocol: {protocol}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("closed during the handshake")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise ConnectionError("handshake refused: " + head.split(b"\r\n")[0].decode())

    def send(self, text):
        payload = text.encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack("!H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", n)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def receive(self):
        """The next text message; None when the server closed the connection."""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack("!H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack("!Q", self._read(8))[0]
            payload = self._read(n)
            opcode = b0 & 0x0F
            if opcode == 0x8:
                return None
            if opcode == 0x9:  # ping: answer with a masked pong
                mask = os.urandom(4)
                self.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
                continue
            if opcode in (0x1, 0x0):
                return payload.decode()


def cmd_subscribe(a):
    tok = open(a.token_file).read().strip()
    ws = WebSocket(a.ws, {"Authorization": "Bearer " + tok}, "graphql-transport-ws")
    ws.send(json.dumps({"type": "connection_init", "payload": {}}))
    ack = json.loads(ws.receive())
    if ack.get("type") != "connection_ack":
        sys.exit(f"no connection_ack: {ack}")
    ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
        "query": "subscription { handoffAssigned { handoffId leadId owner dueAt scoreTotal } }"}}))
    with open(a.out + ".ready", "w") as ready:
        ready.write("subscribed\n")
    ws.sock.settimeout(a.seconds)
    deadline = time.monotonic() + a.seconds
    with open(a.out, "a") as out:
        while time.monotonic() < deadline:
            try:
                message = ws.receive()
            except (socket.timeout, TimeoutError):
                break
            if message is None:
                break
            out.write(message + "\n")
            out.flush()


# ---- the ledger client --------------------------------------------------------------------------------------------

RECORD = "mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount duplicateCount userErrors { code } } }"
ACCEPT = ("mutation($h: ID!, $k: String) { handoffAccept(input: {handoffId: $h, idempotencyKey: $k})"
          " { handoff { id state } userErrors { code } } }")


class Tokens:
    """A token for the whole run, renewed every minute (they live five) while Keycloak answers."""

    def __init__(self, kc, user):
        self.kc, self.user = kc, user
        self.value = token(kc, user)
        self.taken = time.monotonic()
        self.lock = threading.Lock()

    def get(self):
        with self.lock:
            if time.monotonic() - self.taken > 60:
                try:
                    self.value, self.taken = token(self.kc, self.user), time.monotonic()
                except Exception:  # noqa: BLE001 - keep the old one; it is valid for minutes more
                    pass
            return self.value


def acked(op, status, body, expected):
    if status != 200 or not body or body.get("errors"):
        return False
    data = (body.get("data") or {}).get("activitiesRecord" if op == "activities" else "handoffAccept")
    if not data or data.get("userErrors"):
        return False
    if op == "activities":
        return data["recordedCount"] + data["duplicateCount"] == expected
    return (data.get("handoff") or {}).get("state") == "ACCEPTED"


def send(op, pod, tok, payload):
    if op == "activities":
        return post(pod + "/graphql", tok, RECORD, {"i": {"activities": payload}})
    return post(pod + "/graphql", tok, ACCEPT, {"h": payload["handoff"], "k": payload["key"]})


def entry(op, url, payload, status, body, seconds, started):
    code, retry_after = first_error(body)
    return {"t": round(started, 3), "op": op, "pod": url, "status": status, "code": code, "retryAfter": retry_after,
            "seconds": round(seconds, 3), "acked": acked(op, status, body, len(payload) if op == "activities" else 1),
            "ids": [x["clientEventId"] for x in payload] if op == "activities" else [payload["handoff"]],
            "key": payload.get("key") if op == "decision" else None,
            "payload": payload, "transport": (body or {}).get("transport")}


def cmd_ledger(a):
    pods = a.pods.split(",")
    tokens = Tokens(a.kc, a.user)
    handoffs = [l.strip() for l in open(a.handoffs) if l.strip()]
    handoff_lock = threading.Lock()
    write_lock = threading.Lock()
    os.makedirs(a.out, exist_ok=True)
    out = open(os.path.join(a.out, "ledger.jsonl"), "w")
    run = f"{int(time.time())}-{random.randrange(1 << 30):x}"

    def worker(n):
        i = 0
        while not os.path.exists(a.stop_file):
            i += 1
            url = pods[(n + i) % len(pods)]
            if i % a.decision_every == 0:
                with handoff_lock:
                    h = handoffs.pop() if handoffs else None
                if h is None:
                    continue
                op, payload = "decision", {"handoff": h, "key": f"ledger-{run}-{h}"}
            else:
                at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 60))
                op, payload = "activities", [{"clientEventId": f"ledger-{run}-{n}-{i}-{k}", "type": "PAGE_VIEW", "occurredAt": at,
                                              "leadEmail": f"ledger-{random.randrange(a.leads)}@faultcheck.io"} for k in range(a.batch)]
            started = time.time()
            status, _, body, seconds = send(op, url, tokens.get(), payload)
            with write_lock:
                out.write(json.dumps(entry(op, url, payload, status, body, seconds, started)) + "\n")
                out.flush()
            time.sleep(a.pause)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(a.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.close()


def cmd_retry(a):
    tokens = Tokens(a.kc, a.user)
    with open(os.path.join(a.out, "ledger.jsonl")) as f, open(os.path.join(a.out, "retry.jsonl"), "w") as out:
        for line in f:
            e = json.loads(line)
            if e["acked"]:
                continue
            for attempt in range(5):
                started = time.time()
                status, _, body, seconds = send(e["op"], a.pods, tokens.get(), e["payload"])
                r = entry(e["op"], a.pods, e["payload"], status, body, seconds, started)
                if r["acked"] or not (r["code"] == "UNAVAILABLE" or r["transport"]):
                    break  # done, or an answer that a retry would not change
                time.sleep(1)
            out.write(json.dumps(r) + "\n")


def cmd_readiness(a):
    """One thread per URL: UP (200), DOWN (503), TIMEOUT (no answer within a probe's 1 s), GONE (refused)."""
    lock = threading.Lock()
    out = open(a.out, "w")

    def watch(url):
        last = None
        while not os.path.exists(a.stop_file):
            try:
                with urllib.request.urlopen(url, timeout=1) as r:
                    state = "UP" if r.status == 200 else "DOWN"
            except urllib.error.HTTPError:
                state = "DOWN"
            except (socket.timeout, TimeoutError):
                state = "TIMEOUT"
            except Exception as e:  # noqa: BLE001
                state = "TIMEOUT" if "timed out" in str(e) else "GONE"
            if state != last:
                last = state
                with lock:
                    out.write(json.dumps({"t": round(time.time(), 3), "url": url, "state": state}) + "\n")
                    out.flush()
            time.sleep(0.25)

    threads = [threading.Thread(target=watch, args=(u,)) for u in a.urls.split(",")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.close()


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("subscribe")
    s.add_argument("--ws", required=True)
    s.add_argument("--token-file", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--seconds", type=float, default=120)
    s = sub.add_parser("ledger")
    s.add_argument("--pods", required=True)
    s.add_argument("--kc", required=True)
    s.add_argument("--user", default="ada.admin")
    s.add_argument("--leads", type=int, required=True)
    s.add_argument("--handoffs", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--stop-file", required=True)
    s.add_argument("--workers", type=int, default=4)
    s.add_argument("--batch", type=int, default=10)
    s.add_argument("--decision-every", type=int, default=3)
    s.add_argument("--pause", type=float, default=0.05)
    s = sub.add_parser("retry")
    s.add_argument("--pods", required=True)
    s.add_argument("--kc", required=True)
    s.add_argument("--user", default="ada.admin")
    s.add_argument("--out", required=True)
    s = sub.add_parser("readiness")
    s.add_argument("--urls", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--stop-file", required=True)
    a = p.parse_args()
    {"subscribe": cmd_subscribe, "ledger": cmd_ledger, "retry": cmd_retry, "readiness": cmd_readiness}[a.cmd](a)


if __name__ == "__main__":
    main()
