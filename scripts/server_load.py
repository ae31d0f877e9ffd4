#!/usr/bin/env python3
"""Load and hostile-input test of `sitrep serve` on loopback, bounded in time.

    python3 scripts/server_load.py --sitrep build/sitrep --db FILE [--clients 1000] [--slow 50]

Starts the server on a free port, then at once: `--slow` clients that send a
header line every 2 s and never finish, malformed request lines, oversized
parameters and FTS5 syntax abuse, and `--clients` concurrent connections each
asking for a page of events. Prints p50/p99 latency of the normal requests,
the errors, the server's peak RSS, and whether it still answers; exits 1 when a
normal request failed or the server died. Only the standard library is used.
"""
import argparse
import os
import socket
import subprocess
import sys
import threading
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def exchange(port, data, timeout=15.0):
    """Sends `data`, reads until the server closes; (status line, seconds) or (error, seconds)."""
    t = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.settimeout(timeout)
            s.sendall(data)
            out = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
        line = out.split(b"\r\n", 1)[0].decode("latin-1")
        return line, time.monotonic() - t
    except OSError as e:
        return f"error: {e}", time.monotonic() - t


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sitrep", default="build/sitrep")
    ap.add_argument("--db", required=True)
    ap.add_argument("--clients", type=int, default=1000)
    ap.add_argument("--slow", type=int, default=50)
    args = ap.parse_args()

    port = free_port()
    server = subprocess.Popen([args.sitrep, "serve", "--db", args.db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        if exchange(port, b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 1)[0].startswith("HTTP/1.1 200"):
            break
        time.sleep(0.1)
    else:
        print("server did not start:", server.stderr.read().decode(errors="replace"))
        return 1

    stop = threading.Event()
    slow_sockets = []

    def slow_client():
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            slow_sockets.append(s)
            s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            while not stop.wait(2):
                s.sendall(b"X-Slow: 1\r\n")
        except OSError:
            pass

    slow_threads = [threading.Thread(target=slow_client, daemon=True) for _ in range(args.slow)]
    for t in slow_threads:
        t.start()
    time.sleep(0.5)

    hostile = [
        b"GARBAGE\r\n\r\n",
        b"GET\r\n\r\n",
        b"GET /api/stats HTTP/9.9\r\n\r\n",
        b"GET /api/search?q=" + b"a" * 100000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        b"GET /api/search?q=%22%22%22NEAR(((*%20OR HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        b"GET /api/events?limit=99999999999999999999 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        b"GET /api/stats HTTP/1.1\r\nHost: evil.example\r\n\r\n",
        b"GET /" + b"../" * 50 + b"etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        b"GET /api/stats HTTP/1.1\r\n" + b"X-Big: " + b"x" * 100000 + b"\r\n\r\n",
    ]
    hostile_results = []
    for h in hostile:
        hostile_results.append(exchange(port, h))

    latencies, failures = [], []
    lock = threading.Lock()
    barrier = threading.Barrier(args.clients)

    def client(i):
        barrier.wait()
        line, secs = exchange(port, b"GET /api/events?limit=20 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        with lock:
            if line.startswith("HTTP/1.1 200"):
                latencies.append(secs)
            else:
                failures.append(line)

    t0 = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    burst = time.monotonic() - t0
    during_slow, during_slow_secs = exchange(port, b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    stop.set()
    for s in slow_sockets:
        s.close()
    alive = server.poll() is None
    peak = rss_kb(server.pid)
    server.terminate()
    server.wait(10)

    latencies.sort()
    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")
    print(f"{args.clients} concurrent clients: {len(latencies)} answered 200 in {burst:.2f} s, "
          f"{len(failures)} failed; latency p50 {pct(0.5):.1f} ms, p99 {pct(0.99):.1f} ms")
    print(f"{args.slow} slow clients connected; a request meanwhile: {during_slow} in {during_slow_secs * 1000:.1f} ms")
    for h, (line, secs) in zip(hostile, hostile_results):
        shown = h[:48].decode("latin-1").replace("\r\n", " ")
        print(f"  {shown!r:<52} -> {line} ({secs * 1000:.0f} ms)")
    print(f"server peak RSS {peak / 1024:.0f} MB; {'still up' if alive else 'DIED'}")
    if failures:
        print("failures:", sorted(set(failures))[:5])
    return 0 if alive and not failures and during_slow.startswith("HTTP/1.1 200") else 1


if __name__ == "__main__":
    sys.exit(main())
