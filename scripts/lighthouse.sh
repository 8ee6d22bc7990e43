#!/usr/bin/env bash
# Lighthouse 12.2.3 (mobile preset) on home, park detail, news list and article detail, in English,
# Simplified and Traditional Chinese (LIGHTHOUSE_LANGS), against the demo server (scripts/demo_server.py). Prints the four category scores per page
# and writes the JSON reports to bench/results/lighthouse/ (git-ignored).
#
#   scripts/lighthouse.sh                 # starts the demo server on port 8312 and stops it after
#   BASE_URL=http://127.0.0.1:8000 scripts/lighthouse.sh   # a server you already run (make run)
#
# Needs Node 20 (npx fetches lighthouse@12.2.3 from npm the first time) and Debian's chromium.
# Not part of `make test`: scores vary with the machine's load; run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8312}"
CHROME="${CHROME_PATH:-/usr/bin/chromium}"
OUT=bench/results/lighthouse
mkdir -p "$OUT"
PAGES=(
  "home::"
  "park-detail::parks/ssip/"
  "news-list::news/"
  "article-detail::news/suzhou-suqian-strengthen-cooperation-2023/"
)

server_pid=""
if [ -z "${BASE_URL:-}" ]; then
  BASE_URL="http://127.0.0.1:$PORT"
  .venv/bin/python scripts/demo_server.py --port "$PORT" &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do
    kill -0 "$server_pid" 2>/dev/null || { echo "the demo server did not start (port $PORT in use?)" >&2; exit 1; }
    curl -fsS -o /dev/null "$BASE_URL/healthz" 2>/dev/null && break
    sleep 0.2
  done
fi

printf '%-16s %-8s %5s %5s %5s %5s\n' page lang perf a11y bp seo
for lang in ${LIGHTHOUSE_LANGS:-en zh-hans zh-hant}; do
  for entry in "${PAGES[@]}"; do
    name="${entry%%::*}"; path="${entry#*::}"
    report="$OUT/$name-$lang.json"
    # Lighthouse now and then fails to record a trace (NO_NAVSTART) on a busy machine: one more try.
    for attempt in 1 2; do
    npx --yes lighthouse@12.2.3 "$BASE_URL/$lang/$path" \
      --chrome-path="$CHROME" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
      --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$report" --quiet && break
    [ "$attempt" = 2 ] && exit 1
    done
    node -e '
      const r = require(process.argv[1]); const c = r.categories;
      const s = k => Math.round(c[k].score * 100);
      console.log(process.argv[2].padEnd(16), process.argv[3].padEnd(8),
        String(s("performance")).padStart(5), String(s("accessibility")).padStart(5),
        String(s("best-practices")).padStart(5), String(s("seo")).padStart(5));
    ' "$PWD/$report" "$name" "$lang"
  done
done
