#!/usr/bin/env python3
"""One measured run of a comment client against the sandbox and a Redis server (used by bench/run.sh).

    measure.py run --label L --base-url URL --redis-cli CLI --redis-port P --key KEY --pages N
                   --concurrency C --latency-ms L --poll-ms MS --log FILE -- COMMAND...
        flushes Redis, runs COMMAND (its output to FILE), and prints one JSON line: wall time, CPU (user+sys of
        the process and every descendant it waited for), peak RSS (of the largest process in that tree), the
        time from start to the sandbox's first request and the request span (both seen by polling
        GET /__sandbox/stats, which has counts but no timestamps), comments stored (HLEN KEY) and Redis commands
        per page (INFO commandstats deltas, without the bench's own INFO/FLUSHALL/HLEN).
    measure.py summary RESULTS.jsonl HARVESTER-LABEL
        prints the per-run table, the medians and the ratios harvester/peer (markdown).

Standard library only (python3 >= 3.8).
"""
import http.client
import json
import math
import os
import statistics
import subprocess
import sys
import threading
import time

BENCH_COMMANDS = {"info", "flushall", "hlen", "config", "dbsize", "command"}


def redis(cli, port, *args):
    out = subprocess.run([cli, "-h", "127.0.0.1", "-p", str(port), *args], check=True, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    return out.stdout


def commandstats(cli, port):
    calls = {}
    for line in redis(cli, port, "INFO", "commandstats").splitlines():
        # cmdstat_hset:calls=20,usec=...
        if line.startswith("cmdstat_"):
            name, _, rest = line[len("cmdstat_"):].partition(":")
            fields = dict(kv.split("=", 1) for kv in rest.strip().split(","))
            calls[name] = int(fields["calls"])
    return calls


class StatsPoller(threading.Thread):
    """Polls the sandbox's request count over one keep-alive connection; notes when it first and last moved."""

    def __init__(self, base_url, period_s):
        super().__init__(daemon=True)
        host_port = base_url.split("//", 1)[1].rstrip("/")
        self.host, _, port = host_port.partition(":")
        self.port = int(port or 80)
        self.period = period_s
        self.stop_flag = threading.Event()
        self.base = self.read()["requestCount"]
        self.last_count = self.base
        self.first_at = None
        self.last_at = None
        self.prev_poll = time.time()
        self.polls = 0

    def read(self):
        for attempt in range(3):
            try:
                if not hasattr(self, "conn"):
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=5)
                self.conn.request("GET", "/__sandbox/stats")
                return json.loads(self.conn.getresponse().read())
            except (OSError, http.client.HTTPException):
                if hasattr(self, "conn"):
                    self.conn.close()
                    del self.conn
                if attempt == 2:
                    raise

    def poll(self):
        before = self.prev_poll
        stats = self.read()
        now = time.time()
        self.prev_poll = now
        self.polls += 1
        count = stats["requestCount"]
        if count != self.last_count:
            # the change happened between the previous poll and this one: take the middle
            moment = (before + now) / 2
            if self.first_at is None:
                self.first_at = moment
            self.last_at = moment
            self.last_count = count
        return stats

    def run(self):
        while not self.stop_flag.is_set():
            self.poll()
            time.sleep(self.period)


def run(opts, command):
    cli, port = opts["redis-cli"], opts["redis-port"]
    redis(cli, port, "FLUSHALL")
    before = commandstats(cli, port)
    poller = StatsPoller(opts["base-url"], float(opts["poll-ms"]) / 1000)
    poller.poll()
    with open(opts["log"], "wb") as log:
        start = time.time()
        poller.start()
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        end = time.time()
    proc.returncode = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8
    time.sleep(max(0.05, 3 * poller.period))  # let the poller see the last requests
    poller.stop_flag.set()
    poller.join()
    final = poller.poll()
    after = commandstats(cli, port)
    stored = int(redis(cli, port, "HLEN", opts["key"]).strip() or 0)
    delta = {k: after.get(k, 0) - before.get(k, 0) for k in after if k not in BENCH_COMMANDS}
    delta = {k: v for k, v in delta.items() if v}
    pages = int(opts["pages"])
    workers = int(opts["concurrency"])
    latency = int(opts["latency-ms"])
    requests = final["requestCount"] - poller.base
    result = {
        "label": opts["label"],
        "exit": proc.returncode,
        "wall_s": end - start,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
        "first_request_s": (poller.first_at - start) if poller.first_at else None,
        "span_s": (poller.last_at - poller.first_at) if poller.first_at else None,
        "span_bound_s": math.ceil(pages / workers) * latency / 1000,
        "requests": requests,
        "comments": stored,
        "redis_cmds": sum(delta.values()),
        "redis_cmds_per_page": sum(delta.values()) / pages,
        "redis_by_command": delta,
        "polls": poller.polls,
    }
    print(json.dumps(result), flush=True)
    first = "-" if result["first_request_s"] is None else f"{result['first_request_s']:.2f} s"
    span = "-" if result["span_s"] is None else f"{result['span_s']:.2f} s"
    print(f"{opts.get('run-name', 'run')} {result['label']:>10}: exit {result['exit']}, wall {result['wall_s']:.2f} s, "
          f"CPU {result['cpu_s']:.2f} s, RSS {result['rss_mb']:.0f} MB, 1st request {first}, span {span}, "
          f"{result['requests']} requests, {result['comments']} comments, "
          f"{result['redis_cmds_per_page']:.1f} Redis cmds/page", file=sys.stderr, flush=True)


FIGURES = [
    # key, heading, format
    ("wall_s", "wall s", "{:.2f}"),
    ("cpu_s", "CPU s", "{:.2f}"),
    ("rss_mb", "peak RSS MB", "{:.0f}"),
    ("first_request_s", "to 1st request s", "{:.2f}"),
    ("span_s", "request span s", "{:.2f}"),
    ("comments", "comments", "{:.0f}"),
    ("redis_cmds_per_page", "Redis cmds/page", "{:.1f}"),
]


def fmt(value, pattern):
    return "-" if value is None else pattern.format(value)


def summary(path, harvester):
    rows = [json.loads(line) for line in open(path) if line.strip().startswith("{")]
    labels = list(dict.fromkeys(r["label"] for r in rows))
    bound = rows[0]["span_bound_s"] if rows else 0
    print("| run | client | exit | " + " | ".join(h for _, h, _ in FIGURES) + " | requests |")
    print("|---|---|---|" + "---|" * len(FIGURES) + "---|")
    counter = {}
    for r in rows:
        counter[r["label"]] = counter.get(r["label"], 0) + 1
        print(f"| {counter[r['label']]} | {r['label']} | {r['exit']} | "
              + " | ".join(fmt(r[k], f) for k, _, f in FIGURES) + f" | {r['requests']} |")
    print()
    print(f"Medians (request-span bound ceil(pages/workers) x latency = {bound:.2f} s):")
    print()
    print("| client | " + " | ".join(h for _, h, _ in FIGURES) + " |")
    print("|---|" + "---|" * len(FIGURES))
    medians = {}
    for label in labels:
        mine = [r for r in rows if r["label"] == label]
        medians[label] = {}
        for k, _, _ in FIGURES:
            values = [r[k] for r in mine if r[k] is not None]
            medians[label][k] = statistics.median(values) if values else None
        print(f"| {label} | " + " | ".join(fmt(medians[label][k], f) for k, _, f in FIGURES) + " |")
    for label in labels:
        if label == harvester:
            continue
        cells = []
        for k, _, _ in FIGURES:
            a, b = medians.get(harvester, {}).get(k), medians[label].get(k)
            cells.append("-" if a is None or not b else f"{a / b:.2f}x")
        print(f"| ratio {harvester} / {label} | " + " | ".join(cells) + " |")
    print()
    for label in labels:
        mine = [r for r in rows if r["label"] == label]
        print(f"Redis commands of {label} (last run): {mine[-1]['redis_by_command']}")


def main(argv):
    if len(argv) >= 3 and argv[0] == "summary":
        summary(argv[1], argv[2])
        return 0
    if not argv or argv[0] != "run" or "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    split = argv.index("--")
    opts = {}
    it = iter(argv[1:split])
    for key in it:
        opts[key.lstrip("-")] = next(it)
    run(opts, argv[split + 1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
