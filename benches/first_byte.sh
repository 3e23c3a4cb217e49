#!/usr/bin/env bash
# What the first reader of a page nobody has read in English yet waits for,
# with a provider that hangs and with one that takes 300 ms a request.
#
#   benches/first_byte.sh
#
# Environment:
#   HONYAKU_BIN  path to an already built honyaku binary (skips cargo build)
#   DELAY_MS     the slow provider's time per request (default 300)
#   RUNS         cold first readers measured per provider (default 3)
#
# What it does: starts a stand-in LibreTranslate on 127.0.0.1 (python3, in
# this script) that either never answers or answers each request after
# DELAY_MS with an honest pseudo-translation (Japanese letters become Latin
# ones; markup, digits and punctuation stay, so the QA gate passes it). For
# each run it starts honyaku on a fresh SQLite database with the announcement
# stripped of its bundled translations, so every reader is a first reader,
# and measures with curl the time to the first byte and to the last of
# /en/<announcement>, then of the next reader once the background translation
# has landed. It prints those times and their ratio to the first-byte budget
# (pages.first_byte_budget_ms) and to one provider round trip.
set -euo pipefail

readonly HOST=127.0.0.1
readonly EN_PATH=/en/houdou/2025/05/roukyou-online-seminar
DELAY_MS=${DELAY_MS:-300}
RUNS=${RUNS:-3}

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd -- "$script_dir/.." && pwd)
BENCH_NAME=first_byte
# shellcheck source=benches/lib.sh
source "$script_dir/lib.sh"

tmp=$(mktemp -d)
honyaku_pid=""
provider_pid=""
cleanup() {
    local status=$?
    set +e
    trap - EXIT INT TERM
    stop_pid "$honyaku_pid" honyaku
    stop_pid "$provider_pid" provider
    rm -rf -- "$tmp"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v curl >/dev/null 2>&1 || die "curl is needed"
command -v python3 >/dev/null 2>&1 || die "python3 is needed"

if [[ -n ${HONYAKU_BIN:-} ]]; then
    honyaku_bin=$HONYAKU_BIN
else
    log "building the release binary"
    (cd "$repo_root" && cargo build --release --quiet)
    honyaku_bin=$repo_root/target/release/honyaku
fi
[[ -x $honyaku_bin ]] || die "$honyaku_bin is not an executable file"

# The announcement without its bundled translations.
content=$tmp/content/announcements/seminar
mkdir -p "$content"
source_dir=$repo_root/content/announcements/roukyou-online-seminar-2025
cp "$source_dir/body.ja.html" "$source_dir/contact.ja.html" "$content/"
sed '/^\[translations/,$d' "$source_dir/page.toml" >"$content/page.toml"

cat >"$tmp/provider.py" <<'PY'
import json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

mode, delay = sys.argv[1], int(sys.argv[2]) / 1000

def pseudo(text):
    out = []
    for c in text:
        o = ord(c)
        if 0x3041 <= o <= 0x3096 or 0x30A1 <= o <= 0x30FA or 0x4E00 <= o <= 0x9FFF:
            out.append(chr(ord("a") + o % 26))
        else:
            out.append(c)
    return "".join(out)

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def reply(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def do_GET(self):
        targets = ["en", "zh-Hans", "zh-Hant", "ko", "ja"]
        self.reply([{"code": t, "name": t, "targets": targets} for t in targets])
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if mode == "hang":
            time.sleep(3600)
        time.sleep(delay)
        q = body["q"]
        self.reply({"translatedText": [pseudo(t) for t in q] if isinstance(q, list) else pseudo(q)})

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PY

start_provider() { # start_provider MODE
    stop_pid "$provider_pid" provider
    python3 "$tmp/provider.py" "$1" "$DELAY_MS" >"$tmp/provider.port" &
    provider_pid=$!
    local i
    for ((i = 0; i < 50; i++)); do
        [[ -s $tmp/provider.port ]] && break
        sleep 0.1
    done
    provider_port=$(cat "$tmp/provider.port")
    [[ -n $provider_port ]] || die "the stand-in provider did not start"
}

start_honyaku() {
    stop_pid "$honyaku_pid" honyaku
    rm -f "$tmp"/db.sqlite3*
    HONYAKU__SERVER__ADDR=$HOST:0 \
        HONYAKU__STORE__URL=$tmp/db.sqlite3 \
        HONYAKU__CONTENT__DIR=$tmp/content \
        HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL=http://$HOST:$provider_port \
        HONYAKU__LOG__FORMAT=json \
        "$honyaku_bin" >"$tmp/honyaku.log" 2>&1 &
    honyaku_pid=$!
    local i
    for ((i = 0; i < 100; i++)); do
        base=$(grep -o 'listening on http://[0-9.:]*' "$tmp/honyaku.log" | head -1 | sed 's/listening on //') || true
        [[ -n $base ]] && curl -fs "$base/healthz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    cat "$tmp/honyaku.log" >&2
    die "honyaku did not start"
}

budget_ms=$("$honyaku_bin" check-config 2>/dev/null | grep -A20 '^\[pages\]' | grep -m1 '^first_byte_budget_ms' | grep -o '[0-9]*') || budget_ms=1500

measure() { # measure LABEL -> prints "first_byte_ms total_ms pending"
    local out
    out=$(curl -s -o "$tmp/page.html" -w '%{time_starttransfer} %{time_total}' "$base$EN_PATH")
    local pending=no
    grep -q 'data-origin="pending"' "$tmp/page.html" && pending=yes
    awk -v o="$out" -v p="$pending" 'BEGIN { split(o, t, " "); printf "%.0f %.0f %s\n", t[1] * 1000, t[2] * 1000, p }'
}

printf '%-10s %4s %12s %10s %9s %16s %15s\n' provider run first_byte_ms total_ms pending "first/budget" "first/round-trip"
for mode in hang slow; do
    start_provider "$mode"
    for ((run = 1; run <= RUNS; run++)); do
        start_honyaku
        read -r first total pending < <(measure)
        rt=$([[ $mode == slow ]] && echo "$DELAY_MS" || echo "")
        printf '%-10s %4d %12d %10d %9s %16s %15s\n' "$mode" "$run" "$first" "$total" "$pending" \
            "$(awk -v a="$first" -v b="$budget_ms" 'BEGIN { printf "%.2f", a / b }')" \
            "$([[ -n $rt ]] && awk -v a="$first" -v b="$rt" 'BEGIN { printf "%.2f", a / b }' || echo -)"
        if [[ $mode == slow ]]; then
            # The translation goes on in the background; the next reader
            # gets the whole page.
            for ((i = 0; i < 100; i++)); do
                read -r first total pending < <(measure)
                [[ $pending == no ]] && break
                sleep 0.1
            done
            printf '%-10s %4s %12d %10d %9s %16s %15s\n' "  next" "" "$first" "$total" "$pending" - -
        fi
    done
done
printf 'budget %s ms, slow provider %s ms a request\n' "$budget_ms" "$DELAY_MS"
