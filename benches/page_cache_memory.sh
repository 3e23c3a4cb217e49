#!/usr/bin/env bash
# Resident memory of honyaku after caching 10,000 distinct translated pages,
# compared with the configured bound of the translated-page cache
# (`cache.page_bytes`). All traffic goes to 127.0.0.1.
#
#   benches/page_cache_memory.sh
#
# Environment:
#   HONYAKU_BIN       path to an already built honyaku binary (skips cargo build)
#   ANNOUNCEMENTS     announcements to generate (default 2500); each is served
#                     in 4 target languages, so 2500 gives 10,000 variants
#   PAGE_BYTES        cache bound of the measured run (default 67108864, 64 MiB)
#   LARGE_PAGE_BYTES  cache bound of the contrast run, meant to hold every page
#                     (default 1073741824, 1 GiB); "0" skips the contrast run
#   WORKERS           parallel keep-alive HTTP clients (default 4)
#   STARTUP_TIMEOUT   seconds allowed for start-up (default 600)
#
# What it does: builds the release binary, generates a content directory of
# ANNOUNCEMENTS copies of content/announcements/roukyou-online-seminar-2025/
# (slug houdou/bench/NNNN, " (NNNN)" appended to the Japanese title and to
# every bundled title translation; body and contact files unchanged, so the
# element trees stay identical), then for each configuration starts honyaku
# on 127.0.0.1 port 0 with that content and a temp SQLite store, waits for
# /healthz, sends a few warm-up requests that do not touch the translated-page
# cache, reads VmRSS from /proc/PID/status (baseline), requests every
# /{en,zh-Hans,zh-Hant,ko}/houdou/bench/NNNN once, checks every answer is a
# complete 200 page in the right language carrying its own marker, reads
# /metrics (which settles the cache's pending evictions) and then VmRSS again.
# The server is stopped and temp files removed on exit.
#
# RSS is what the kernel counts as resident: freed heap that the allocator
# (glibc malloc, honyaku sets no global allocator) keeps for reuse stays
# counted, so "growth" includes memory of evicted pages not yet returned.
set -euo pipefail

readonly HOST=127.0.0.1
readonly TEMPLATE=roukyou-online-seminar-2025
readonly LANGS="en zh-Hans zh-Hant ko"

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd -- "$script_dir/.." && pwd)
BENCH_NAME=page_cache_memory
STOP_WAIT_TENTHS=150
# shellcheck source=benches/lib.sh
source "$script_dir/lib.sh"

tmp=""
honyaku_pid=""



cleanup() {
    local status=$?
    set +e
    trap - EXIT INT TERM
    stop_pid "$honyaku_pid" honyaku
    if [[ -n $tmp && -d $tmp ]]; then
        rm -rf -- "$tmp"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- settings
# need_uint NAME VALUE MIN MAX: VALUE is a decimal integer in MIN..MAX.
need_uint() {
    if [[ ! $2 =~ ^[1-9][0-9]{0,17}$|^0$ ]] || (($2 < $3 || $2 > $4)); then
        die "$1 must be an integer from $3 to $4, got '$2'"
    fi
}
announcements=${ANNOUNCEMENTS:-2500}
page_bytes=${PAGE_BYTES:-67108864}
large_page_bytes=${LARGE_PAGE_BYTES:-1073741824}
workers=${WORKERS:-4}
startup_timeout=${STARTUP_TIMEOUT:-600}
need_uint ANNOUNCEMENTS "$announcements" 1 99999
need_uint PAGE_BYTES "$page_bytes" 1 1099511627776
need_uint LARGE_PAGE_BYTES "$large_page_bytes" 0 1099511627776
need_uint WORKERS "$workers" 1 64
need_uint STARTUP_TIMEOUT "$startup_timeout" 1 86400

command -v curl >/dev/null 2>&1 || die "curl is required"
command -v python3 >/dev/null 2>&1 || die "python3 is required"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 8))' || die "python3 >= 3.8 is required"
[[ -r /proc/self/status ]] || die "/proc/PID/status is required (Linux)"
template_dir=$repo_root/content/announcements/$TEMPLATE
[[ -f $template_dir/page.toml ]] || die "template announcement $template_dir is missing"

# ---------------------------------------------------------------- binary
if [[ -n ${HONYAKU_BIN:-} ]]; then
    honyaku_bin=$HONYAKU_BIN
    [[ $honyaku_bin == /* ]] || honyaku_bin="$PWD/$honyaku_bin"
    [[ -x $honyaku_bin ]] || die "HONYAKU_BIN=$HONYAKU_BIN is not an executable file"
else
    log "cargo build --release"
    (cd -- "$repo_root" && cargo build --release)
    target_dir=$(cd -- "$repo_root" && cargo metadata --format-version 1 --no-deps 2>/dev/null |
        grep -o '"target_directory":"[^"]*"' | head -n 1 | cut -d'"' -f4) || true
    [[ -n ${target_dir:-} ]] || target_dir=${CARGO_TARGET_DIR:-$repo_root/target}
    honyaku_bin=$target_dir/release/honyaku
    [[ -x $honyaku_bin ]] || die "build finished but $honyaku_bin is missing"
fi

width=${#announcements}
((width >= 4)) || width=4

tmp=$(mktemp -d "${TMPDIR:-/tmp}/page_cache_memory.XXXXXX")

# ---------------------------------------------------------------- content
content_dir=$tmp/content
log "generating $announcements announcements in $content_dir"
python3 - "$template_dir" "$content_dir" "$announcements" <<'PY'
import hashlib, os, re, shutil, struct, sys

template, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
width = max(4, len(str(count)))
with open(os.path.join(template, "page.toml"), encoding="utf-8") as f:
    page = f.read()
others = sorted(n for n in os.listdir(template) if n != "page.toml")

slug_re = re.compile(r'^slug = "[^"\n]*"$', re.M)
# Every `title = "…"` line: the Japanese one and one per [translations.<lang>].
title_re = re.compile(r'^(title = "[^"\n]*)"$', re.M)
if len(slug_re.findall(page)) != 1:
    sys.exit("template page.toml: expected exactly one slug line")
titles = len(title_re.findall(page))
if titles < 2:
    sys.exit("template page.toml: expected a Japanese and translated title lines")

for i in range(1, count + 1):
    n = f"{i:0{width}d}"
    d = os.path.join(out, "announcements", f"bench-{n}")
    os.makedirs(d)
    text = slug_re.sub(f'slug = "houdou/bench/{n}"', page)
    text, done = title_re.subn(lambda m: f'{m.group(1)} ({n})"', text)
    assert done == titles
    # Bundled translations name the Japanese they were reviewed against
    # (src/content.rs, source_version): the marked title changes it.
    import tomllib
    meta = tomllib.loads(text)
    digest = hashlib.sha256()
    parts = [meta["title"].encode(), meta["summary"].encode(), meta["bureau"].encode()]
    for name in ("body.ja.html", "contact.ja.html"):
        with open(os.path.join(template, name), "rb") as f:
            parts.append(f.read())
    for part in parts:
        digest.update(struct.pack("<Q", len(part)))
        digest.update(part)
    text = re.sub(r'^source = "[0-9a-f]*"$', f'source = "{digest.digest()[:8].hex()}"', text, flags=re.M)
    with open(os.path.join(d, "page.toml"), "w", encoding="utf-8") as f:
        f.write(text)
    for name in others:
        shutil.copyfile(os.path.join(template, name), os.path.join(d, name))

try:
    import tomllib  # 3.11+: check one generated file parses
    with open(os.path.join(out, "announcements", f"bench-{1:0{width}d}", "page.toml"), "rb") as f:
        parsed = tomllib.load(f)
    assert parsed["slug"] == f"houdou/bench/{1:0{width}d}", parsed["slug"]
    assert all(t["title"].endswith(f"({1:0{width}d})") for t in parsed["translations"].values())
except ImportError:
    pass
print(f"{count} announcements, {titles} titles each marked")
PY

# ---------------------------------------------------------------- HTTP
# curl that never goes through a proxy, whatever http_proxy says.
fetch() { curl --noproxy '*' -sS --max-time 10 "$@"; }

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }

metric() { # metric NAME METRICS_TEXT
    awk -v n="$1" '$1 == n { printf "%.0f\n", $2; found = 1 } END { exit !found }' <<<"$2" ||
        die "no $1 in /metrics"
}

# The request sweep: every translated variant once, WORKERS keep-alive
# connections. Prints "ok=N bad=N seconds=S"; details of failures on stderr.
cat >"$tmp/sweep.py" <<'PY'
import http.client, sys, threading, time

host, port, count, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
langs = sys.argv[5].split()
width = max(4, len(str(count)))
jobs = [(lang, f"{i:0{width}d}") for i in range(1, count + 1) for lang in langs]
lock = threading.Lock()
state = {"next": 0, "ok": 0, "bad": 0}
failures = []

def take():
    with lock:
        i = state["next"]
        if i >= len(jobs):
            return None
        state["next"] = i + 1
        return jobs[i]

def check(lang, n, status, headers, body):
    if status != 200:
        return f"status {status}"
    if headers.get("Content-Language") != lang:
        return f"Content-Language {headers.get('Content-Language')!r}"
    text = body.decode("utf-8", "replace")
    if f"({n})" not in text:
        return f"marker ({n}) missing"
    # A unit left in Japanese means the page was served but not cached.
    if 'data-origin="source"' in text:
        return "page is only partly translated (not cacheable)"
    return None

def worker():
    conn = None
    while True:
        job = take()
        if job is None:
            break
        lang, n = job
        path = f"/{lang}/houdou/bench/{n}"
        problem = None
        for attempt in range(2):  # one reconnect on a dropped keep-alive
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(host, port, timeout=60)
                conn.request("GET", path)
                r = conn.getresponse()
                body = r.read()
                problem = check(lang, n, r.status, r.headers, body)
                if r.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
                break
            except (OSError, http.client.HTTPException) as e:
                problem = f"{type(e).__name__}: {e}"
                if conn is not None:
                    conn.close()
                conn = None
        with lock:
            if problem is None:
                state["ok"] += 1
            else:
                state["bad"] += 1
                if len(failures) < 10:
                    failures.append(f"{path}: {problem}")
    if conn is not None:
        conn.close()

start = time.monotonic()
threads = [threading.Thread(target=worker) for _ in range(workers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
for f in failures:
    print(f"failed: {f}", file=sys.stderr)
print(f"ok={state['ok']} bad={state['bad']} seconds={elapsed:.2f}")
PY

# ---------------------------------------------------------------- one run
declare -A R=() # results, keyed "RUN.field"

# measure RUN BOUND: start honyaku, baseline, sweep, after; fills R[RUN.*].
measure() {
    local run=$1 bound=$2 dir=$tmp/$1 i first_line port url t0 t_listen t_ready
    mkdir -p "$dir"
    : >"$dir/stdout.log" # exists before the first poll below
    : >"$dir/stderr.log"
    log "[$run] starting honyaku, cache.page_bytes=$bound"
    t0=$(date +%s.%N)
    # The working directory is the run's temp dir, so any relative path in
    # the configuration lands there and is removed afterwards.
    (cd -- "$dir" && HONYAKU__CONTENT__DIR="$content_dir" \
        HONYAKU__STORE__URL="$dir/store.sqlite3" \
        HONYAKU__CACHE__PAGE_BYTES="$bound" \
        exec "$honyaku_bin" serve --addr "$HOST:0") >"$dir/stdout.log" 2>"$dir/stderr.log" &
    honyaku_pid=$!

    port=""
    for ((i = 0; i < 600; i++)); do # up to ~60 s for the first line
        kill -0 "$honyaku_pid" 2>/dev/null || break
        if [[ $(wc -l <"$dir/stdout.log") -ge 1 ]]; then
            first_line=$(head -n 1 "$dir/stdout.log")
            if [[ $first_line =~ listening\ on\ http://([0-9.]+):([0-9]+) ]]; then
                [[ ${BASH_REMATCH[1]} == "$HOST" ]] || die "honyaku listens on ${BASH_REMATCH[1]}, expected $HOST"
                port=${BASH_REMATCH[2]}
                break
            fi
            die "unexpected first line from honyaku: $first_line"
        fi
        sleep 0.1
    done
    if [[ -z $port ]]; then
        cat "$dir/stdout.log" "$dir/stderr.log" >&2 || true
        die "honyaku did not print its listening address"
    fi
    t_listen=$(date +%s.%N)
    url="http://$HOST:$port"
    [[ $(cat "/proc/$honyaku_pid/comm" 2>/dev/null) == honyaku* ]] ||
        die "pid $honyaku_pid is not honyaku"

    # The listener is bound before the content is loaded; /healthz answers
    # once every page is pre-rendered.
    local healthy=""
    for ((i = 0; i < startup_timeout * 2; i++)); do # bounded; curl waits up to 2 s each
        if ! kill -0 "$honyaku_pid" 2>/dev/null; then
            cat "$dir/stdout.log" "$dir/stderr.log" >&2 || true
            die "honyaku exited during start-up"
        fi
        if fetch --max-time 2 -f -o /dev/null "$url/healthz" 2>/dev/null; then
            healthy=1
            break
        fi
        awk -v a="$t0" -v b="$(date +%s.%N)" -v l="$startup_timeout" 'BEGIN { exit !(b - a > l) }' && break
        sleep 0.5
    done
    [[ -n $healthy ]] || die "honyaku /healthz did not answer within ${startup_timeout}s"
    t_ready=$(date +%s.%N)
    R[$run.startup]=$(awk -v a="$t0" -v b="$t_ready" 'BEGIN { printf "%.1f", b - a }')
    R[$run.load]=$(awk -v a="$t_listen" -v b="$t_ready" 'BEGIN { printf "%.1f", b - a }')

    # Warm-up: everything that is not a translated announcement (those are
    # what the cache holds), a few times each.
    local path status
    for ((i = 0; i < 3; i++)); do
        for path in /healthz /readyz /metrics /ja/ /en/ /zh-Hans/ /zh-Hant/ /ko/ /ja/houdou/bench/$(printf '%0*d' "$width" 1); do
            status=$(fetch -o /dev/null -w '%{http_code}' "$url$path")
            [[ $status == 200 ]] || die "[$run] warm-up $path answered $status"
        done
    done
    local m
    m=$(fetch "$url/metrics")
    [[ $(metric honyaku_page_cache_entries "$m") == 0 ]] || die "[$run] the page cache is not empty after warm-up"
    sleep 1
    R[$run.rss0]=$(($(rss_kib "$honyaku_pid") * 1024))

    log "[$run] requesting $((announcements * 4)) translated variants with $workers workers"
    local out
    out=$(python3 "$tmp/sweep.py" "$HOST" "$port" "$announcements" "$workers" "$LANGS") ||
        die "[$run] the request sweep failed"
    [[ $out =~ ok=([0-9]+)\ bad=([0-9]+)\ seconds=([0-9.]+) ]] || die "[$run] sweep printed: $out"
    R[$run.ok]=${BASH_REMATCH[1]}
    R[$run.sweep]=${BASH_REMATCH[3]}
    ((BASH_REMATCH[2] == 0)) || die "[$run] ${BASH_REMATCH[2]} of $((announcements * 4)) requests did not answer a complete 200 page"
    kill -0 "$honyaku_pid" 2>/dev/null || die "[$run] honyaku died during the sweep"

    # /metrics first: it runs the cache's pending tasks, so evictions are
    # done before RSS is read.
    m=$(fetch "$url/metrics")
    R[$run.entries]=$(metric honyaku_page_cache_entries "$m")
    R[$run.bytes]=$(metric honyaku_page_cache_bytes "$m")
    sleep 1
    R[$run.rss1]=$(($(rss_kib "$honyaku_pid") * 1024))
    R[$run.hwm]=$(($(hwm_kib "$honyaku_pid") * 1024))
    R[$run.bound]=$bound

    stop_pid "$honyaku_pid" honyaku
    honyaku_pid=""
}

bench_start=$(date +%s)
runs=(bounded)
measure bounded "$page_bytes"
if ((large_page_bytes > 0)); then
    runs+=(large)
    measure large "$large_page_bytes"
fi
bench_seconds=$(($(date +%s) - bench_start))

# ---------------------------------------------------------------- report
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
row() { printf '%-36s' "$1"; shift; for v in "$@"; do printf ' %20s' "$v"; done; printf '\n'; }

printf '\n'
printf 'honyaku translated-page cache memory, %s announcements x %s target languages, %s\n' \
    "$announcements" 4 "$HOST"
printf 'binary: %s; %s CPUs online; runs took %s s (content generation excluded)\n' \
    "$honyaku_bin" "$(nproc 2>/dev/null || echo '?')" "$bench_seconds"
printf '\n'
header=() ; for run in "${runs[@]}"; do header+=("$run"); done
row '' "${header[@]}"
declare -a c
line() { # line LABEL FIELD-EXPRESSION...
    local label=$1 run
    shift
    c=()
    for run in "${runs[@]}"; do c+=("$("$@" "$run")"); done
    row "$label" "${c[@]}"
}
f_bound() { mib "${R[$1.bound]}"; }
f_startup() { printf '%s s' "${R[$1.startup]}"; }
f_load() { printf '%s s' "${R[$1.load]}"; }
f_ok() { printf '%s' "${R[$1.ok]}"; }
f_sweep() { awk -v s="${R[$1.sweep]}" -v n="${R[$1.ok]}" 'BEGIN { printf "%.1f s (%.0f/s)", s, n / s }'; }
f_entries() { printf '%s' "${R[$1.entries]}"; }
f_bytes() { mib "${R[$1.bytes]}"; }
f_mean() { awk -v b="${R[$1.bytes]}" -v n="${R[$1.entries]}" 'BEGIN { if (n) printf "%.1f KiB", b / n / 1024; else printf "-" }'; }
f_rss0() { mib "${R[$1.rss0]}"; }
f_rss1() { mib "${R[$1.rss1]}"; }
f_hwm() { mib "${R[$1.hwm]}"; }
f_growth() { mib $((R[$1.rss1] - R[$1.rss0])); }
f_over() { mib $((R[$1.rss1] - R[$1.rss0] - R[$1.bound])); }
f_ratio() { awk -v g=$((R[$1.rss1] - R[$1.rss0])) -v b="${R[$1.bound]}" 'BEGIN { printf "%.2f", g / b }'; }
f_over_c() { mib $((R[$1.rss1] - R[$1.rss0] - R[$1.bytes])); }
f_ratio_c() { awk -v g=$((R[$1.rss1] - R[$1.rss0])) -v b="${R[$1.bytes]}" 'BEGIN { if (b) printf "%.2f", g / b; else printf "-" }'; }

line 'configured bound (cache.page_bytes)' f_bound
line 'start-up to /healthz' f_startup
line '  of which after "listening on"' f_load
line 'variants requested (all 200)' f_ok
line 'sweep time' f_sweep
line 'cache entries (/metrics)' f_entries
line 'cache bytes (/metrics)' f_bytes
line 'mean entry weight' f_mean
line 'RSS baseline' f_rss0
line 'RSS after' f_rss1
line 'RSS peak (VmHWM)' f_hwm
line 'RSS growth' f_growth
line 'growth - bound (overhead)' f_over
line 'growth / bound' f_ratio
line 'growth - cache bytes' f_over_c
line 'growth / cache bytes' f_ratio_c
printf '\n'
printf 'growth = RSS after - RSS baseline, VmRSS from /proc/PID/status: the baseline\n'
printf 'after start-up and warm-up with the page cache empty, "after" once /metrics has\n'
printf 'settled the cache. Freed memory the allocator keeps for reuse counts as resident.\n'
