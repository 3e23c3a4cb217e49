# Shared by the benchmark scripts: logging, stopping what they started,
# installing wrk/nginx, free ports and reading wrk's report. Sourced, not run;
# the caller sets BENCH_NAME (for messages) and, for run_wrk, HOST, tmp,
# wrk_pin and wrk_args.
# shellcheck shell=bash
# shellcheck disable=SC2154 # HOST, tmp, wrk_pin, wrk_args: set by the caller, as said above

log() { printf '==> %s\n' "$*" >&2; }

die() {
    printf '%s: ERROR: %s\n' "${BENCH_NAME:-bench}" "$*" >&2
    exit 1
}

# Sends SIGTERM, waits up to STOP_WAIT_TENTHS tenths of a second (default
# 100), then SIGKILL. Only ever the given pid.
stop_pid() {
    local pid=$1 name=$2 i
    [[ -n $pid ]] || return 0
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < ${STOP_WAIT_TENTHS:-100}; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        printf '%s: %s (pid %s) ignored SIGTERM, killing\n' "${BENCH_NAME:-bench}" "$name" "$pid" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

# Installs wrk, nginx, curl and any extra packages named as arguments when
# missing. Sets policy_rc_created while a temporary policy-rc.d exists, so the
# caller's cleanup can remove it if the install is interrupted.
install_missing_tools() {
    local -a missing=()
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
    command -v curl >/dev/null 2>&1 || missing+=(curl ca-certificates)
    local extra
    for extra in "$@"; do
        [[ -n $extra ]] || continue
        command -v "$extra" >/dev/null 2>&1 || missing+=("$extra")
    done
    ((${#missing[@]} == 0)) && return 0
    [[ $EUID -eq 0 ]] || die "missing ${missing[*]}; run as root or install them first"
    command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
    # Keep the nginx package from starting the system nginx service: a
    # policy-rc.d that says "no" for the duration of the install only.
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 0755 /usr/sbin/policy-rc.d
        policy_rc_created=1
    fi
    log "installing ${missing[*]} with apt-get"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    if [[ -n ${policy_rc_created:-} ]]; then
        rm -f /usr/sbin/policy-rc.d
        policy_rc_created=""
    fi
}

port_in_use() {
    command -v ss >/dev/null 2>&1 || return 1
    [[ -n $(ss -Htln "sport = :$1" 2>/dev/null) ]]
}

# run_wrk NAME URL [WRK-ARGS...]: one wrk run with the report script in
# $tmp/report.lua; prints its BENCH line and fails on any error it counted.
run_wrk() {
    local name=$1 url=$2 out line key
    shift 2
    [[ $url == "http://$HOST:"* ]] || die "refusing to send traffic to $url"
    out=$("${wrk_pin[@]}" wrk "${wrk_args[@]}" "$@" -s "$tmp/report.lua" "$url") ||
        die "wrk failed for $name"
    if grep -Eq 'Non-2xx or 3xx responses|Socket errors' <<<"$out"; then
        printf '%s\n' "$out" >&2
        die "wrk reported errors for $name (see above)"
    fi
    line=$(grep '^BENCH ' <<<"$out") || {
        printf '%s\n' "$out" >&2
        die "no summary from wrk for $name"
    }
    for key in connect read write status timeout; do
        [[ $line =~ (^| )$key=0( |$) ]] || {
            printf '%s\n' "$out" >&2
            die "wrk counted $key errors for $name: $line"
        }
    done
    [[ ! $line =~ (^| )requests=0( |$) ]] || die "wrk completed no requests for $name"
    printf '%s\n' "$line"
}

field() { # field KEY LINE
    [[ $2 =~ (^| )$1=([0-9.]+) ]] || die "no $1 in: $2"
    printf '%s\n' "${BASH_REMATCH[2]}"
}

rps() { awk -v r="$(field requests "$1")" -v d="$(field duration_us "$1")" 'BEGIN { printf "%.2f", r / (d / 1e6) }'; }
