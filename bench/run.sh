#!/usr/bin/env bash
# The performance benchmark: the portal under gunicorn with production settings, against a bare
# Django view rendering a template of the same size (the baseline), measured with wrk on 127.0.0.1.
# Results and how to read them: docs/performance.md. What it does, step by step: bench/bench.py.
#
#   bash bench/run.sh                 # the full run (about 12 minutes on 2 cores)
#   BENCH_QUICK=1 bash bench/run.sh   # a short run while developing (2,000 articles, short tests)
#
# Needs PostgreSQL and Redis running (as on the CI machine). Environment, with defaults:
#   BENCH_DATABASE_URL  postgres://postgres@127.0.0.1:5432/coop_bench  (dropped and created again)
#   BENCH_REDIS_URL     redis://127.0.0.1:6379/0
#   BENCH_HOST, BENCH_PORT   127.0.0.1, 8000
#   BENCH_ARTICLES 10000, BENCH_DURATION 5 (s per target per round), BENCH_ROUNDS 3,
#   BENCH_CONNECTIONS 8, BENCH_SOAK_SECONDS 60, BENCH_SOAK_CONNECTIONS 32, BENCH_RSS_BOUND_MB 30,
#   BENCH_SKIP_LOAD=1 (reuse the database of the last run), BENCH_STRICT=1 (exit 1 if a goal is missed)
# gunicorn's own variables (WEB_CONCURRENCY, GUNICORN_THREADS, ...) apply as in production.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
make install >/dev/null
make messages >/dev/null
exec .venv/bin/python bench/bench.py
