#!/usr/bin/env python3
"""What --observe costs at start: bin/comment-harvester with and without it, runs interleaved, medians.

    bench/observe_start.py [RUNS]      (default 7; run from the project root after ./mvnw -B -DskipTests package)

Each run is a 2-page harvest of the in-process sandbox into a fresh embedded Redis. Measured: seconds from the
process start to Camel's "started in" line (routes running), wall seconds to exit, and CPU seconds (user + sys of
the launcher and its JVM). The start-up archive is used as a user's runs use it (COMMENT_HARVESTER_ARCHIVE=use).
Standard library only.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
BASE = ["bin/comment-harvester", "--sandbox", "--harvest.pages=2", "--harvest.resume=false",
        "--harvest.progress-interval-ms=0", "--redis.url="]
MODES = {"plain": [], "observe": ["--observe", "--harvest.observe-port=19879"]}


def one(extra):
    data = tempfile.mkdtemp(prefix="observe-start-")
    env = dict(os.environ, COMMENT_HARVESTER_ARCHIVE="use")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    started = None
    proc = subprocess.Popen(BASE + ["--redis.embedded-dir=" + data + "/redis"] + extra, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:
        if started is None and "(comment-harvester) started in" in line:
            started = time.monotonic() - start
    code = proc.wait()
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(data, ignore_errors=True)
    if code != 0 or started is None:
        sys.exit("run failed (exit %d): %s" % (code, " ".join(extra)))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return started, wall, cpu


results = {mode: [] for mode in MODES}
for _ in range(RUNS):
    for mode, extra in MODES.items():
        results[mode].append(one(extra))
print("| bin/comment-harvester | to routes started | wall | CPU |")
print("|---|---|---|---|")
for mode, runs in results.items():
    medians = [statistics.median(r[i] for r in runs) for i in range(3)]
    print("| %s | %.2f s | %.2f s | %.2f s |" % (("--observe" if mode == "observe" else "without --observe"),
                                                *medians))
print("(medians of %d interleaved runs; load average %.1f)" % (RUNS, os.getloadavg()[0]))
