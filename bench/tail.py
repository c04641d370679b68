"""When the slow requests happen (BENCHMARKS.md, "Eleventh session"): single deposits over HTTP,
open loop, each request's latency counted from when it was due and its ingress Server-Timing kept;
then the percentiles, the period at which requests over a threshold recur (a periodic stall shows
as a strong phase coherence at its period: 1.0 s for the engine's checkpoints here, 0.54 s for
this machine's DAMON reclaim), and the engine's last checkpoints' synchronous pause, which stops
decisions while it lasts.
Usage: tail.py [--ingress URL] [--flink URL] [--rate N] [--seconds S] [--slow-ms MS] [--out FILE]
Light on purpose (a Python client with 16 connections), so that it adds little CPU of its own at
100 requests/s; use `bin/hipoc bench` for rates beyond a few hundred per second."""
import argparse
import http.client
import json
import math
import queue
import threading
import time
import urllib.parse
import urllib.request

CONNECTIONS = 16


def send_all(ingress, rate, seconds):
    url = urllib.parse.urlparse(ingress)
    due_times = queue.Queue()
    rows, lock = [], threading.Lock()
    run = int(time.time())

    def worker():
        connection = http.client.HTTPConnection(url.hostname, url.port)
        while (item := due_times.get()) is not None:
            due, i = item
            body = json.dumps({"txId": f"tail-{run}-{i}", "account": f"tail-{i % 500}", "amount": 1, "currency": "USD"})
            connection.request("POST", "/v1/deposits", body, {"Content-Type": "application/json"})
            answer = connection.getresponse()
            answer.read()
            with lock:
                rows.append((due, (time.time() - due) * 1000, answer.status, answer.getheader("Server-Timing") or ""))

    workers = [threading.Thread(target=worker, daemon=True) for _ in range(CONNECTIONS)]
    for w in workers:
        w.start()
    start = time.time() + 0.5
    for i in range(int(rate * seconds)):
        due = start + i / rate
        time.sleep(max(0.0, due - time.time()))
        due_times.put((due, i))
    for _ in workers:
        due_times.put(None)
    for w in workers:
        w.join()
    return sorted(rows)


def strongest_periods(times, shortest=0.2, longest=1.5, step=0.0025):
    """Periods at which the given instants line up best: coherence 1.0 = always the same phase."""
    found = []
    period = shortest
    while period < longest:
        c = sum(math.cos(2 * math.pi * t / period) for t in times)
        s = sum(math.sin(2 * math.pi * t / period) for t in times)
        found.append((math.hypot(c, s) / len(times), period))
        period += step
    return sorted(found, reverse=True)[:3]


def checkpoint_pauses(flink):
    def get(path):
        return json.load(urllib.request.urlopen(flink + path))
    jobs = [j["jid"] for j in get("/jobs/overview")["jobs"] if j["name"] == "balance-engine" and j["state"] == "RUNNING"]
    if not jobs:
        return []
    job = jobs[0]
    processor = next(v["id"] for v in get(f"/jobs/{job}")["vertices"] if v["name"].startswith("AccountProcessor"))
    pauses = []
    for c in get(f"/jobs/{job}/checkpoints")["history"]:
        if c["status"] == "COMPLETED":
            subtasks = get(f"/jobs/{job}/checkpoints/details/{c['id']}/subtasks/{processor}")["subtasks"]
            pauses += [s["checkpoint"]["sync"] for s in subtasks if s.get("status") == "completed"]
    return sorted(pauses)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--ingress", default="http://127.0.0.1:8080")
    p.add_argument("--flink", default="http://127.0.0.1:8081")
    p.add_argument("--rate", type=float, default=100)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--slow-ms", type=float, default=15)
    p.add_argument("--out", help="one line per request: due (epoch s), latency ms, HTTP status, Server-Timing")
    a = p.parse_args()
    print(f"{a.rate:g} deposits/s for {a.seconds:g} s to {a.ingress}...", flush=True)
    rows = send_all(a.ingress, a.rate, a.seconds)
    if a.out:
        with open(a.out, "w") as f:
            f.writelines("%.4f %.2f %d %s\n" % r for r in rows)
    latencies = sorted(r[1] for r in rows)
    at = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print("answered %d, not 200: %d; p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms"
          % (len(rows), sum(r[2] != 200 for r in rows), at(0.5), at(0.95), at(0.99), latencies[-1]))
    slow = [r for r in rows if r[1] > a.slow_ms]
    if len(slow) > 2:
        periods = ", ".join("%.3f s (%.2f)" % (period, coherence) for coherence, period in strongest_periods([r[0] for r in slow]))
        print(f"{len(slow)} over {a.slow_ms:g} ms; strongest periods (coherence): {periods}")
        for r in slow[:10]:
            print("  at %+.2f s: %.1f ms  %s" % (r[0] - rows[0][0], r[1], r[3]))
    print("balance-engine's last checkpoints, pause of the AccountProcessor subtasks (sync, ms):", checkpoint_pauses(a.flink))


if __name__ == "__main__":
    main()
