#!/usr/bin/env bash
# Compares honyaku's pre-rendered announcement page with nginx serving the
# very same bytes as a static file, using wrk, all on 127.0.0.1.
#
#   benches/pages_vs_nginx.sh
#
# Environment:
#   HONYAKU_BIN  path to an already built honyaku binary (skips cargo build)
#   WRK_ARGS     wrk settings for the measured runs, word-split, no quoting
#                (default "-t1 -c32 -d10s"); every warm-up run uses the same
#                settings with -d2s and is not reported
#   BENCH_PIN    "0" disables CPU pinning (default: pin when taskset works)
#
# What it does: installs wrk/nginx/curl with apt-get when missing (needs
# root), builds and starts honyaku on 127.0.0.1 port 0, saves the Japanese
# page (identity encoding), starts a private nginx (temp config, temp dir,
# worker_processes 1) serving that file at the same path, then runs wrk
# against honyaku /ja/..., nginx /ja/... and honyaku /en/... and prints a
# table. Servers are pinned to CPU 0 and wrk to CPU 1 when taskset is
# available. Any wrk socket error, timeout or non-2xx/3xx response makes the
# script fail. Both servers are stopped and temp files removed on exit.
set -euo pipefail

readonly HOST=127.0.0.1
readonly JA_PATH=/ja/houdou/2025/05/roukyou-online-seminar
readonly EN_PATH=/en/houdou/2025/05/roukyou-online-seminar
readonly WARMUP_DURATION=2s

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd -- "$script_dir/.." && pwd)
BENCH_NAME=pages_vs_nginx
# shellcheck source=benches/lib.sh
source "$script_dir/lib.sh"

tmp=""
honyaku_pid=""
nginx_pid=""
policy_rc_created=""



cleanup() {
    local status=$?
    set +e
    trap - EXIT INT TERM
    stop_pid "$nginx_pid" nginx
    stop_pid "$honyaku_pid" honyaku
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

install_missing_tools ""
nginx_bin=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
[[ -x $nginx_bin ]] || die "nginx not found after installation"
command -v wrk >/dev/null 2>&1 || die "wrk not found after installation"

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
    pin_note="yes (servers on CPU 0, wrk on CPU 1)"
else
    pin_note="no (CPUs 0 and 1 not both available)"
fi

# ---------------------------------------------------------------- wrk args
read -r -a wrk_args <<<"${WRK_ARGS:--t1 -c32 -d10s}"
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

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pages_vs_nginx.XXXXXX")
chmod 0755 "$tmp" # the nginx worker may run as an unprivileged user

# curl that never goes through a proxy, whatever http_proxy says.
fetch() { curl --noproxy '*' -sS --max-time 5 "$@"; }

# ---------------------------------------------------------------- honyaku
log "starting honyaku ($honyaku_bin)"
mkdir -p "$tmp/honyaku"
# The working directory is the temp dir, so relative paths in the default
# configuration (e.g. a store file) land there and are removed afterwards.
(cd -- "$tmp/honyaku" && exec "${server_pin[@]}" "$honyaku_bin" serve --addr "$HOST:0") \
    >"$tmp/honyaku/stdout.log" 2>"$tmp/honyaku/stderr.log" &
honyaku_pid=$!

honyaku_port=""
for ((i = 0; i < 300; i++)); do # up to ~30 s
    kill -0 "$honyaku_pid" 2>/dev/null || break
    # Only once a whole line (newline included) has been written.
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
    if fetch -f -o /dev/null "$honyaku_url/healthz" 2>/dev/null; then
        healthy=1
        break
    fi
    sleep 0.1
done
[[ -n $healthy ]] || die "honyaku /healthz did not answer"

# ---------------------------------------------------------------- the page
docroot=$tmp/nginx/root
mkdir -p "$docroot${JA_PATH%/*}"
page=$docroot$JA_PATH
ja_status=$(fetch -H 'Accept-Encoding: identity' -o "$page" -w '%{http_code}' "$honyaku_url$JA_PATH")
[[ $ja_status == 200 ]] || die "honyaku $JA_PATH answered $ja_status"
fetch -H 'Accept-Encoding: identity' -o "$tmp/ja-again.html" "$honyaku_url$JA_PATH"
cmp -s "$page" "$tmp/ja-again.html" || log "warning: two fetches of $JA_PATH differ; nginx serves the first"
en_status=$(fetch -H 'Accept-Encoding: identity' -o "$tmp/en.html" -w '%{http_code}' "$honyaku_url$EN_PATH")
[[ $en_status == 200 ]] || die "honyaku $EN_PATH answered $en_status"
ja_bytes=$(wc -c <"$page")
en_bytes=$(wc -c <"$tmp/en.html")
((ja_bytes > 0)) || die "the Japanese page is empty"
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
# Generated by benches/pages_vs_nginx.sh; lives only in $tmp.
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
    # honyaku (hyper) keeps a connection open for any number of requests;
    # nginx's default closes it after 1000. Match honyaku.
    keepalive_requests 1000000;
    keepalive_timeout 75s;
    server {
        listen $HOST:$port;
        server_name localhost;
        root $nginx_dir/root;
        location = $JA_PATH {
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
        if [[ $(fetch "http://$HOST:$port/__bench_probe" 2>/dev/null) == "$probe_token" ]]; then
            nginx_url="http://$HOST:$port"
            break
        fi
        sleep 0.1
    done
    [[ -n $nginx_url ]] && break
    # Not ours on that port, or it could not bind: stop it and try another.
    stop_pid "$nginx_pid" nginx
    nginx_pid=""
done
if [[ -z $nginx_url ]]; then
    cat "$nginx_dir/logs/error.log" >&2 2>/dev/null || true
    die "could not start nginx on a free $HOST port"
fi

fetch -o "$tmp/nginx-copy.html" "$nginx_url$JA_PATH"
cmp -s "$page" "$tmp/nginx-copy.html" || die "nginx does not serve the same bytes as honyaku"
nginx_ctype=$(fetch -o /dev/null -w '%{content_type}' "$nginx_url$JA_PATH")
[[ $nginx_ctype == "text/html; charset=utf-8" ]] || die "nginx Content-Type is '$nginx_ctype'"

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



honyaku_log_lines_before=$(wc -l <"$tmp/honyaku/stdout.log")

declare -A result=()
names=(honyaku-ja nginx-ja honyaku-en)
declare -A urls=(
    [honyaku-ja]="$honyaku_url$JA_PATH"
    [nginx-ja]="$nginx_url$JA_PATH"
    [honyaku-en]="$honyaku_url$EN_PATH"
)
declare -A min_body=([honyaku-ja]=$ja_bytes [nginx-ja]=$ja_bytes [honyaku-en]=$en_bytes)

for name in "${names[@]}"; do
    log "wrk $name: warm-up ($WARMUP_DURATION), then ${wrk_args[*]}"
    run_wrk "$name-warmup" "${urls[$name]}" -d "$WARMUP_DURATION" >/dev/null
    result[$name]=$(run_wrk "$name" "${urls[$name]}")
    requests=$(field requests "${result[$name]}")
    bytes=$(field bytes "${result[$name]}")
    # Every response must at least carry the page body: catches redirects or
    # error pages that wrk would not count as errors.
    awk -v b="$bytes" -v r="$requests" -v m="${min_body[$name]}" 'BEGIN { exit !(b / r >= m) }' ||
        die "$name: average response ($bytes / $requests bytes) is smaller than the page (${min_body[$name]} bytes)"
done

kill -0 "$honyaku_pid" 2>/dev/null || die "honyaku died during the benchmark"
kill -0 "$nginx_pid" 2>/dev/null || die "nginx died during the benchmark"
honyaku_log_lines=$(($(wc -l <"$tmp/honyaku/stdout.log") - honyaku_log_lines_before))


printf '\n'
printf 'honyaku vs nginx, same page bytes, %s\n' "$HOST"
printf 'wrk settings     : %s (warm-up %s each, not reported)\n' "${wrk_args[*]}" "$WARMUP_DURATION"
printf 'CPU pinning      : %s\n' "$pin_note"
printf 'CPUs online      : %s\n' "$(nproc 2>/dev/null || echo '?')"
printf 'page size        : ja %s bytes, en %s bytes (identity encoding; body only)\n' "$ja_bytes" "$en_bytes"
printf 'honyaku log lines written during the runs: %s\n' "$honyaku_log_lines"
printf '\n'
printf '%-12s %12s %10s %10s %14s %11s\n' target 'requests/s' 'p50 ms' 'p99 ms' 'transfer/s' 'bytes/resp'
for name in "${names[@]}"; do
    line=${result[$name]}
    awk -v n="$name" -v r="$(field requests "$line")" -v d="$(field duration_us "$line")" \
        -v b="$(field bytes "$line")" -v p50="$(field p50_us "$line")" -v p99="$(field p99_us "$line")" \
        'BEGIN {
            s = d / 1e6
            printf "%-12s %12.2f %10.3f %10.3f %9.2f MiB/s %11.1f\n", n, r / s, p50 / 1000, p99 / 1000, b / s / 1048576, b / r
        }'
done
printf '\n'
ja_rps=$(rps "${result[honyaku-ja]}")
nginx_rps=$(rps "${result[nginx-ja]}")
en_rps=$(rps "${result[honyaku-en]}")
awk -v a="$ja_rps" -v b="$nginx_rps" 'BEGIN { printf "ratio honyaku-ja / nginx     : %.2f\n", a / b }'
awk -v a="$en_rps" -v b="$ja_rps" 'BEGIN { printf "ratio honyaku-en / honyaku-ja: %.2f\n", a / b }'
printf '(ratios of requests/s; wrk reported no socket errors and no non-2xx/3xx responses)\n'
