#!/usr/bin/env bash
# Benchmark: the harvester (through bin/comment-harvester) against a comparison client, interleaved, offline.
# See docs/performance.md. Builds nothing: needs target/comment-harvester.jar (./mvnw -B -DskipTests package).
#
#   bench/run.sh [--pages N] [--latency-ms L] [--concurrency C] [--comments-per-thread X] [--reps N]
#                [--warmup N] [--song ID] [--poll-ms MS] [--out DIR] [--harvester-args "..."] [--sandbox-args "..."]
#                --peer TEMPLATE [--peer TEMPLATE ...]
#
# A peer is a command line with placeholders {base_url} {modulus} {pages} {concurrency} {redis_url} {song}
# (run by bash -c), optionally named with NAME=... in front; `jar` is the plain `java -jar target/comment-harvester.jar`
# with the harvester's arguments and no launcher. Example (the Python original, not part of this project):
#   bench/run.sh --pages 10 --peer 'seed=/usr/bin/python3 /path/to/seed_peer.py --base-url {base_url} --modulus {modulus}
#       --song {song} --pages {pages} --concurrency {concurrency} --redis-url {redis_url}' --peer jar
#
# Needs: java (JAVA_HOME or PATH; the launcher and `jar` use the same), redis-server and redis-cli on the PATH
# (Debian: apt-get install redis-server; a real server is needed because the peers cannot use the harvester's
# embedded one), python3 (standard library only) for bench/measure.py.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/.." && pwd -P)
pages=10 latency=0 concurrency=10 comments=0 reps=3 warmup=1 song=1359645265 poll_ms=5 out='' harvester_args=''
sandbox_args=''
peers=()
while [ $# -gt 0 ]; do
    case $1 in
        --pages) pages=$2; shift 2 ;;
        --latency-ms) latency=$2; shift 2 ;;
        --concurrency) concurrency=$2; shift 2 ;;
        --comments-per-thread) comments=$2; shift 2 ;;
        --reps) reps=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --song) song=$2; shift 2 ;;
        --poll-ms) poll_ms=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --harvester-args) harvester_args=$2; shift 2 ;;
        --sandbox-args) sandbox_args=$2; shift 2 ;;
        --peer) peers+=("$2"); shift 2 ;;
        -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "bench/run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
[ ${#peers[@]} -gt 0 ] || { echo "bench/run.sh: give at least one --peer (e.g. --peer jar)" >&2; exit 2; }
[ "$comments" -gt 0 ] || comments=$((pages * 20))

jar=$root/target/comment-harvester.jar
launcher=$root/bin/comment-harvester
[ -f "$jar" ] || { echo "bench/run.sh: $jar missing: ./mvnw -B -DskipTests package first" >&2; exit 2; }
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=$(command -v java) || { echo "no java" >&2; exit 2; }; fi
for tool in redis-server redis-cli python3; do
    command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool not found on the PATH (apt-get install redis-server python3)" >&2; exit 2; }
done
# Camel lets these environment variables win over --redis.url etc.: the bench gives everything on the command line
unset REDIS_URL REDIS_PASSWORD NETEASE_COOKIE NETEASE_CSRF_TOKEN

out=${out:-$root/target/bench/$(date +%Y%m%d-%H%M%S)-p$pages-l$latency-c$concurrency}
mkdir -p "$out"
out=$(cd "$out" && pwd -P)
results=$out/results.jsonl
: >"$results"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

sandbox_pid='' redis_pid=''
cleanup() {
    set +e
    for pid in $sandbox_pid $redis_pid; do
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the sandbox, in its own JVM --------------------------------------------------------------------------------
sandbox_port=$(free_port)
# shellcheck disable=SC2086 # extra sandbox settings, split on blanks
"$java" -jar "$jar" --sandbox-only --sandbox.port="$sandbox_port" --sandbox.latency-ms="$latency" \
    --sandbox.comments-per-thread="$comments" $sandbox_args </dev/null >"$out/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 300); do
    grep -q 'RSA modulus (hex):' "$out/sandbox.log" 2>/dev/null && break
    kill -0 "$sandbox_pid" 2>/dev/null || { echo "bench/run.sh: the sandbox did not start:" >&2; cat "$out/sandbox.log" >&2; exit 1; }
    sleep 0.1
done
base_url=$(sed -n 's/^weapi sandbox listening on \(http[^ ]*\).*/\1/p' "$out/sandbox.log" | head -1)
modulus=$(sed -n 's/.*RSA modulus (hex): *\([0-9a-fA-F]*\).*/\1/p' "$out/sandbox.log" | head -1)
if [ -z "$base_url" ] || [ -z "$modulus" ]; then
    echo "bench/run.sh: cannot read the sandbox's URL and modulus" >&2
    exit 1
fi

# --- Redis ----------------------------------------------------------------------------------------------------
redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize no \
    --logfile "$out/redis.log" </dev/null >/dev/null 2>&1 &
redis_pid=$!
for _ in $(seq 1 100); do
    redis-cli -p "$redis_port" PING 2>/dev/null | grep -q PONG && break
    sleep 0.05
done
redis_url=redis://127.0.0.1:$redis_port/0

# --- the clients --------------------------------------------------------------------------------------------------
# the harvester walks the whole thread (pages x 20 comments unless --comments-per-thread says otherwise) by chained
# cursors in parallel time slices: the same comments the peer's N offset pages carry; --harvester-args
# --harvest.pages=N asks for the newest N pages instead (one cursor chain per thread). Its politeness cap
# (harvest.max-requests-per-second) is lifted, as the peers have none: the comparison is of the clients.
app_args=(--weapi.base-url="$base_url" --weapi.rsa-modulus="$modulus" --redis.url="$redis_url"
          --harvest.song-ids="$song" --harvest.pages=all --harvest.concurrency="$concurrency" --harvest.resume=false
          --harvest.max-requests-per-second=0)
# shellcheck disable=SC2206 # extra arguments, split on blanks
[ -n "$harvester_args" ] && app_args+=($harvester_args)
labels=(harvester)
commands=("$(printf '%q ' "$launcher" "${app_args[@]}")")
n=0
for peer in "${peers[@]}"; do
    n=$((n + 1))
    if [ "$peer" = jar ]; then
        labels+=("java-jar")
        commands+=("$(printf '%q ' "$java" -jar "$jar" "${app_args[@]}")")
        continue
    fi
    name=peer$n
    if [[ $peer =~ ^([A-Za-z0-9_.-]+)=(.*)$ ]]; then name=${BASH_REMATCH[1]}; peer=${BASH_REMATCH[2]}; fi
    peer=${peer//\{base_url\}/$base_url}
    peer=${peer//\{modulus\}/$modulus}
    peer=${peer//\{pages\}/$pages}
    peer=${peer//\{concurrency\}/$concurrency}
    peer=${peer//\{redis_url\}/$redis_url}
    peer=${peer//\{song\}/$song}
    labels+=("$name")
    commands+=("$peer")
done

{
    echo "# comment-harvester benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo
    echo "- machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), $(free -m | awk '/^Mem:/{print $2}') MB RAM, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- java: $("$java" -version 2>&1 | sed -n 2p) ($java)"
    echo "- redis: $(redis-server --version | cut -d' ' -f1-3)"
    echo "- scenario: $pages pages, $concurrency workers, latency $latency ms, $comments comments per thread, song $song; $reps runs each, interleaved, after $warmup warm-up run(s) each"
    for i in "${!labels[@]}"; do echo "- ${labels[$i]}: \`${commands[$i]}\`"; done
    echo
} | tee "$out/summary.md"

measure() {  # measure LABEL COMMAND LOG RUN-NAME
    python3 "$here/measure.py" run --label "$1" --run-name "$4" --base-url "$base_url" --redis-cli redis-cli --redis-port "$redis_port" \
        --key "music_comment:$song" --pages "$pages" --concurrency "$concurrency" --latency-ms "$latency" \
        --poll-ms "$poll_ms" --log "$3" -- bash -c "$2"
}

cd "$root"  # the harvester reads application.properties and routes/ from here
for ((w = 1; w <= warmup; w++)); do
    for i in "${!labels[@]}"; do
        measure "${labels[$i]}" "${commands[$i]}" "$out/warmup-$w-${labels[$i]}.log" "warm-up $w" >/dev/null
    done
done
for ((r = 1; r <= reps; r++)); do
    for i in "${!labels[@]}"; do
        measure "${labels[$i]}" "${commands[$i]}" "$out/run-$r-${labels[$i]}.log" "run $r" >>"$results"
    done
done
python3 "$here/measure.py" summary "$results" harvester | tee -a "$out/summary.md"
echo
echo "(logs and results in $out)"
