#!/usr/bin/env bash
# Measures the URL proxy (/proxy/en/...) of a ~200 KB Japanese page with a
# warm translation memory against fetching the same page straight from the
# origin (nginx), with wrk, all on 127.0.0.1, in the same run.
#
#   benches/proxy_vs_origin.sh
#
# Environment:
#   HONYAKU_BIN  path to an already built honyaku binary (skips cargo build)
#   WRK_ARGS     wrk settings for the measured runs, word-split, no quoting
#                (default "-t1 -c8 -d10s"); every warm-up run uses the same
#                settings with -d2s and is not reported
#   BENCH_PIN    "0" disables CPU pinning (default: pin when taskset works)
#
# What it does: installs wrk/nginx/curl with apt-get when missing (needs
# root), builds honyaku (release), generates a ~200 KB page by repeating the
# announcement body (each copy preceded by its own <h2>第N部</h2>), serves it
# with a private nginx (temp config, etag on), starts an echo
# LibreTranslate-shaped server in Python 3 (each text comes back prefixed
# with "[EN] "), starts honyaku with nginx's origin allowlisted, translates
# the page once (cold, timed) and once more (warm: a 304 revalidation), then
# runs wrk against the honyaku proxy URL and the nginx URL and prints
# requests/s, p50, p99 and the proxy/direct ratios. In the warm path every
# proxied request still revalidates with the origin (If-None-Match -> 304),
# so the proxy figure includes one origin round trip per request. Any wrk
# socket error, timeout or non-2xx/3xx response makes the script fail.
# Everything started is stopped and temp files removed on exit.
set -euo pipefail

readonly HOST=127.0.0.1
readonly PAGE_PATH=/stf/houdou/bench-200k.html
readonly TARGET_BYTES=204800
readonly WARMUP_DURATION=2s

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd -- "$script_dir/.." && pwd)
BENCH_NAME=proxy_vs_origin
# shellcheck source=benches/lib.sh
source "$script_dir/lib.sh"
body_src=$repo_root/content/announcements/roukyou-online-seminar-2025/body.ja.html

tmp=""
honyaku_pid=""
nginx_pid=""
echo_pid=""
policy_rc_created=""



cleanup() {
    local status=$?
    set +e
    trap - EXIT INT TERM
    stop_pid "$honyaku_pid" honyaku
    stop_pid "$nginx_pid" nginx
    stop_pid "$echo_pid" echo-libretranslate
    if [[ -n $policy_rc_created ]]; then
        rm -f /usr/sbin/policy-rc.d
    fi
    if [[ -n $tmp && -d $tmp ]]; then
        rm -rf -- "$tmp"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

install_missing_tools python3
nginx_bin=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
[[ -x $nginx_bin ]] || die "nginx not found after installation"
command -v wrk >/dev/null 2>&1 || die "wrk not found after installation"
[[ -f $body_src ]] || die "missing $body_src"

# ---------------------------------------------------------------- pinning
server_pin=()
wrk_pin=()
pin_note="no"
if [[ ${BENCH_PIN:-1} == 0 ]]; then
    pin_note="no (BENCH_PIN=0)"
elif ! command -v taskset >/dev/null 2>&1; then
    pin_note="no (taskset not found)"
elif taskset -c 0 true 2>/dev/null && taskset -c 1 true 2>/dev/null; then
    server_pin=(taskset -c 0)
    wrk_pin=(taskset -c 1)
    pin_note="yes (honyaku, nginx and the echo server on CPU 0, wrk on CPU 1)"
else
    pin_note="no (CPUs 0 and 1 not both available)"
fi

# ---------------------------------------------------------------- wrk args
read -r -a wrk_args <<<"${WRK_ARGS:--t1 -c8 -d10s}"
((${#wrk_args[@]} > 0)) || die "WRK_ARGS is empty"

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

tmp=$(mktemp -d "${TMPDIR:-/tmp}/proxy_vs_origin.XXXXXX")
chmod 0755 "$tmp" # the nginx worker may run as an unprivileged user

# curl that never goes through a proxy, whatever http_proxy says.
fetch() { curl --noproxy '*' -sS --max-time 60 "$@"; }


# ---------------------------------------------------------------- the page
docroot=$tmp/nginx/root
mkdir -p "$docroot${PAGE_PATH%/*}"
page=$docroot$PAGE_PATH
{
    printf '<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n'
    printf '<title>労働協約オンラインセミナー2025（ベンチマーク用 約200KB）</title>\n</head>\n<body>\n<main>\n'
} >"$page"
part=0
size=$(wc -c <"$page")
while ((size < TARGET_BYTES && part < 1000)); do
    part=$((part + 1))
    printf '<section>\n<h2>第%d部</h2>\n' "$part" >>"$page"
    cat -- "$body_src" >>"$page"
    printf '</section>\n' >>"$page"
    size=$(wc -c <"$page")
done
printf '</main>\n</body>\n</html>\n' >>"$page"
origin_bytes=$(wc -c <"$page")
((origin_bytes >= TARGET_BYTES)) || die "generated page is only $origin_bytes bytes"
chmod -R a+rX "$tmp/nginx"

# ---------------------------------------------------------------- nginx
nginx_dir=$tmp/nginx
mkdir -p "$nginx_dir/temp" "$nginx_dir/logs"
probe_token=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
nginx_e_flag=()
if "$nginx_bin" -h 2>&1 | grep -q -- '-e filename'; then
    nginx_e_flag=(-e "$nginx_dir/logs/error.log")
fi

write_nginx_conf() {
    local port=$1
    cat >"$nginx_dir/nginx.conf" <<EOF
# Generated by benches/proxy_vs_origin.sh; lives only in $tmp.
daemon off;
worker_processes 1;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/logs/error.log warn;
events {
    worker_connections 1024;
}
http {
    access_log off;
    client_body_temp_path $nginx_dir/temp/body;
    proxy_temp_path $nginx_dir/temp/proxy;
    fastcgi_temp_path $nginx_dir/temp/fastcgi;
    uwsgi_temp_path $nginx_dir/temp/uwsgi;
    scgi_temp_path $nginx_dir/temp/scgi;
    types {}
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_requests 1000000;
    keepalive_timeout 75s;
    server {
        listen $HOST:$port;
        server_name localhost;
        root $nginx_dir/root;
        location = $PAGE_PATH {
            default_type "text/html; charset=utf-8";
            etag on;
        }
        location = /__bench_probe {
            default_type text/plain;
            return 200 "$probe_token";
        }
        location / {
            return 404;
        }
    }
}
EOF
}

nginx_url=""
for ((attempt = 0; attempt < 20; attempt++)); do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    write_nginx_conf "$port"
    "$nginx_bin" -t -q -p "$nginx_dir/" "${nginx_e_flag[@]}" -c "$nginx_dir/nginx.conf" ||
        die "nginx rejected its configuration ($nginx_dir/nginx.conf)"
    "${server_pin[@]}" "$nginx_bin" -p "$nginx_dir/" "${nginx_e_flag[@]}" -c "$nginx_dir/nginx.conf" \
        >"$nginx_dir/logs/stdout.log" 2>&1 &
    nginx_pid=$!
    for ((i = 0; i < 50; i++)); do # up to ~5 s
        if ! kill -0 "$nginx_pid" 2>/dev/null; then
            wait "$nginx_pid" 2>/dev/null || true
            nginx_pid=""
            break
        fi
        if [[ $(fetch --max-time 5 "http://$HOST:$port/__bench_probe" 2>/dev/null) == "$probe_token" ]]; then
            nginx_url="http://$HOST:$port"
            break
        fi
        sleep 0.1
    done
    [[ -n $nginx_url ]] && break
    stop_pid "$nginx_pid" nginx
    nginx_pid=""
done
if [[ -z $nginx_url ]]; then
    cat "$nginx_dir/logs/error.log" >&2 2>/dev/null || true
    die "could not start nginx on a free $HOST port"
fi
origin_page_url=$nginx_url$PAGE_PATH

fetch -D "$tmp/origin.headers" -o "$tmp/origin-copy.html" "$origin_page_url"
cmp -s "$page" "$tmp/origin-copy.html" || die "nginx does not serve the generated page"
origin_etag=$(grep -i '^etag:' "$tmp/origin.headers" | head -n 1 | cut -d' ' -f2- | tr -d '\r')
[[ -n $origin_etag ]] || die "nginx sent no ETag"
reval_status=$(fetch -o /dev/null -w '%{http_code}' -H "If-None-Match: $origin_etag" "$origin_page_url")
[[ $reval_status == 304 ]] || die "nginx answered $reval_status to If-None-Match, expected 304"

# ---------------------------------------------------------------- echo provider
mkdir -p "$tmp/echo"
cat >"$tmp/echo/server.py" <<'EOF'
# LibreTranslate-shaped echo: POST /translate {"q": [...]} ->
# {"translatedText": ["[EN] " + q, ...]}. Counts requests and texts.
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
stats = {"requests": 0, "texts": 0}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, code, obj):
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/stats":
            with lock:
                self.reply(200, dict(stats))
        else:
            self.reply(404, {"error": "not found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if self.path != "/translate":
            self.reply(404, {"error": "not found"})
            return
        try:
            req = json.loads(raw)
            q = req["q"]
        except Exception as e:  # noqa: BLE001
            self.reply(400, {"error": "bad request: %s" % e})
            return
        many = isinstance(q, list)
        texts = q if many else [q]
        out = ["[EN] " + t for t in texts]
        with lock:
            stats["requests"] += 1
            stats["texts"] += len(texts)
        self.reply(200, {"translatedText": out if many else out[0]})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.replace(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()
EOF
"${server_pin[@]}" python3 "$tmp/echo/server.py" "$tmp/echo/port" \
    >"$tmp/echo/stdout.log" 2>"$tmp/echo/stderr.log" &
echo_pid=$!
echo_url=""
for ((i = 0; i < 100; i++)); do # up to ~10 s
    kill -0 "$echo_pid" 2>/dev/null || { cat "$tmp/echo/stderr.log" >&2; die "echo server exited"; }
    if [[ -s $tmp/echo/port ]]; then
        echo_url="http://$HOST:$(cat "$tmp/echo/port")"
        break
    fi
    sleep 0.1
done
[[ -n $echo_url ]] || die "echo server did not report its port"
echo_check=$(fetch --max-time 5 -H 'Content-Type: application/json' \
    -d '{"q":["テスト"],"source":"ja","target":"en","format":"html"}' "$echo_url/translate")
[[ $echo_check == '{"translatedText": ["[EN] テスト"]}' ]] || die "echo server answered: $echo_check"
echo_stats() { fetch --max-time 5 "$echo_url/stats"; }
echo_stats_before=$(echo_stats)

# ---------------------------------------------------------------- honyaku
log "starting honyaku ($honyaku_bin)"
mkdir -p "$tmp/honyaku"
(
    cd -- "$tmp/honyaku"
    export HONYAKU__FETCH__ALLOWED_ORIGINS="[\"$nginx_url\"]"
    export HONYAKU__FETCH__ALLOW_PRIVATE_FOR="[\"$nginx_url\"]"
    export HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL="$echo_url"
    export HONYAKU__STORE__URL="$tmp/honyaku/tm.sqlite3"
    exec "${server_pin[@]}" "$honyaku_bin" --addr "$HOST:0"
) >"$tmp/honyaku/stdout.log" 2>"$tmp/honyaku/stderr.log" &
honyaku_pid=$!

honyaku_port=""
for ((i = 0; i < 300; i++)); do # up to ~30 s
    kill -0 "$honyaku_pid" 2>/dev/null || break
    if [[ $(wc -l <"$tmp/honyaku/stdout.log") -ge 1 ]]; then
        first_line=$(head -n 1 "$tmp/honyaku/stdout.log")
        if [[ $first_line =~ listening\ on\ http://([0-9.]+):([0-9]+) ]]; then
            [[ ${BASH_REMATCH[1]} == "$HOST" ]] || die "honyaku listens on ${BASH_REMATCH[1]}, expected $HOST"
            honyaku_port=${BASH_REMATCH[2]}
            break
        fi
        die "unexpected first line from honyaku: $first_line"
    fi
    sleep 0.1
done
if [[ -z $honyaku_port ]]; then
    cat "$tmp/honyaku/stdout.log" "$tmp/honyaku/stderr.log" >&2 || true
    die "honyaku did not print its listening address"
fi
honyaku_url="http://$HOST:$honyaku_port"

healthy=""
for ((i = 0; i < 100; i++)); do # up to ~10 s
    kill -0 "$honyaku_pid" 2>/dev/null || die "honyaku exited during start-up"
    if fetch --max-time 5 -f -o /dev/null "$honyaku_url/healthz" 2>/dev/null; then
        healthy=1
        break
    fi
    sleep 0.1
done
[[ -n $healthy ]] || die "honyaku /healthz did not answer"
proxy_page_url="$honyaku_url/proxy/en/$origin_page_url"

# ---------------------------------------------------------------- cold + warm
log "cold request: $proxy_page_url"
cold=$(fetch -D "$tmp/cold.headers" -o "$tmp/cold.html" -w '%{http_code} %{time_total}' \
    -H 'Accept-Encoding: identity' "$proxy_page_url") || die "cold proxy request failed"
read -r cold_status cold_secs <<<"$cold"
if [[ $cold_status != 200 ]]; then
    tail -n 20 "$tmp/honyaku/stdout.log" "$tmp/honyaku/stderr.log" >&2 || true
    die "cold proxy request answered $cold_status"
fi
grep -qi '^cache-control: public' "$tmp/cold.headers" ||
    die "cold proxy response is not complete (Cache-Control: $(grep -i '^cache-control:' "$tmp/cold.headers" | tr -d '\r'))"
echo_stats_cold=$(echo_stats)

warm=$(fetch -D "$tmp/warm.headers" -o "$tmp/warm.html" -w '%{http_code} %{time_total}' \
    -H 'Accept-Encoding: identity' "$proxy_page_url") || die "warm proxy request failed"
read -r warm_status warm_secs <<<"$warm"
[[ $warm_status == 200 ]] || die "warm proxy request answered $warm_status"
cmp -s "$tmp/cold.html" "$tmp/warm.html" || die "warm proxy response differs from the cold one"
echo_stats_warm=$(echo_stats)
[[ $echo_stats_warm == "$echo_stats_cold" ]] ||
    die "the warm request reached the provider ($echo_stats_cold -> $echo_stats_warm)"

proxied_bytes=$(wc -c <"$tmp/cold.html")
en_markers=$(grep -o '\[EN\] ' "$tmp/cold.html" | wc -l)
((en_markers > 0)) || die "no [EN] text in the proxied page: not translated"
# Note: the announcement body ships with a reviewed English translation in
# content/ (provenance "bundled"), so its units never reach the provider;
# only the title and the 第N部 headings do (the "[EN] " count below). The
# proxied page carries no data-origin markers to count them by.
lang_ja_origin=$(grep -o '[[:space:]]lang="ja"' "$page" | wc -l)
lang_ja_proxied=$(grep -o '[[:space:]]lang="ja"' "$tmp/cold.html" | wc -l)
grep -q '<html[^>]*lang="en"' "$tmp/cold.html" || die 'proxied page has no <html lang="en">'
# Japanese text outside the injected disclaimer/switcher means an
# untranslated unit: count text lines of the body with Japanese characters
# that carry no [EN] marker.
untranslated=$(sed -e 's/<aside class="honyaku-disclaimer".*<\/aside>//' \
    -e 's/<nav class="honyaku-switcher".*<\/nav>//' "$tmp/cold.html" |
    sed -n '/<main>/,/<\/main>/p' | grep -v '\[EN\]' | LC_ALL=C.UTF-8 grep -cP '[\x{3040}-\x{30ff}\x{4e00}-\x{9fff}]' || true)

# ---------------------------------------------------------------- wrk
cat >"$tmp/report.lua" <<'EOF'
-- Prints one machine-readable line; the script parses it.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%.0f duration_us=%.0f bytes=%.0f connect=%.0f read=%.0f write=%.0f status=%.0f timeout=%.0f p50_us=%.0f p99_us=%.0f\n",
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
EOF



declare -A result=()
names=(proxy direct)
declare -A urls=([proxy]="$proxy_page_url" [direct]="$origin_page_url")
declare -A min_body=([proxy]=$proxied_bytes [direct]=$origin_bytes)

for name in "${names[@]}"; do
    log "wrk $name: warm-up ($WARMUP_DURATION), then ${wrk_args[*]}"
    run_wrk "$name-warmup" "${urls[$name]}" -d "$WARMUP_DURATION" >/dev/null
    result[$name]=$(run_wrk "$name" "${urls[$name]}")
    requests=$(field requests "${result[$name]}")
    bytes=$(field bytes "${result[$name]}")
    # Every response must carry at least the page: catches error pages.
    awk -v b="$bytes" -v r="$requests" -v m="${min_body[$name]}" 'BEGIN { exit !(b / r >= m) }' ||
        die "$name: average response ($bytes / $requests bytes) is smaller than the page (${min_body[$name]} bytes)"
done

kill -0 "$honyaku_pid" 2>/dev/null || die "honyaku died during the benchmark"
kill -0 "$nginx_pid" 2>/dev/null || die "nginx died during the benchmark"
echo_stats_end=$(echo_stats)
[[ $echo_stats_end == "$echo_stats_cold" ]] ||
    die "the provider was called during the measured runs ($echo_stats_cold -> $echo_stats_end)"

provider_delta=$(awk -v a="$echo_stats_before" -v b="$echo_stats_cold" 'BEGIN {
    match(a, /"requests": [0-9]+/); ar = substr(a, RSTART + 12, RLENGTH - 12)
    match(a, /"texts": [0-9]+/); at = substr(a, RSTART + 9, RLENGTH - 9)
    match(b, /"requests": [0-9]+/); br = substr(b, RSTART + 12, RLENGTH - 12)
    match(b, /"texts": [0-9]+/); bt = substr(b, RSTART + 9, RLENGTH - 9)
    printf "%d requests, %d texts", br - ar, bt - at }')

printf '\n'
printf 'honyaku proxy vs the origin directly, warm TM, release build, %s\n' "$HOST"
printf 'wrk settings     : %s (warm-up %s each, not reported)\n' "${wrk_args[*]}" "$WARMUP_DURATION"
printf 'CPU pinning      : %s\n' "$pin_note"
printf 'CPUs online      : %s\n' "$(nproc 2>/dev/null || echo '?')"
printf 'page             : %s copies of the announcement body, %s bytes from the origin, %s bytes proxied (en)\n' \
    "$part" "$origin_bytes" "$proxied_bytes"
printf 'translation check: 200, complete (Cache-Control public); %s "[EN] " units; lang="ja" %s in origin, %s proxied (switcher link); %s untranslated Japanese lines in <main>\n' \
    "$en_markers" "$lang_ja_origin" "$lang_ja_proxied" "$untranslated"
printf 'provider units   : %s (title and 第N部 headings); the body units matched the bundled English translation\n' "$en_markers"
printf 'cold first proxy : %.3f s (provider: %s)\n' "$cold_secs" "$provider_delta"
printf 'second request   : %.3f s (revalidated, provider not called)\n' "$warm_secs"
printf '\n'
printf '%-8s %12s %10s %10s %14s %11s\n' target 'requests/s' 'p50 ms' 'p99 ms' 'transfer/s' 'bytes/resp'
for name in "${names[@]}"; do
    line=${result[$name]}
    awk -v n="$name" -v r="$(field requests "$line")" -v d="$(field duration_us "$line")" \
        -v b="$(field bytes "$line")" -v p50="$(field p50_us "$line")" -v p99="$(field p99_us "$line")" \
        'BEGIN {
            s = d / 1e6
            printf "%-8s %12.2f %10.3f %10.3f %9.2f MiB/s %11.1f\n", n, r / s, p50 / 1000, p99 / 1000, b / s / 1048576, b / r
        }'
done
printf '\n'
awk -v a="$(rps "${result[proxy]}")" -v b="$(rps "${result[direct]}")" \
    'BEGIN { printf "ratio proxy / direct, requests/s : %.3f\n", a / b }'
awk -v a="$(field p50_us "${result[proxy]}")" -v b="$(field p50_us "${result[direct]}")" \
    'BEGIN { printf "ratio proxy / direct, p50 latency: %.2f\n", a / b }'
printf '(proxy = %s; direct = %s; wrk reported no socket errors and no non-2xx/3xx responses)\n' \
    "/proxy/en/$origin_page_url" "$origin_page_url"
