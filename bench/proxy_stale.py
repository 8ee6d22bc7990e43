"""What the stale rule of issue 23 costs nginx's cache: the shipped portal.conf (a stale copy only
while the app fails) against the previous one (``proxy_cache_use_stale updating`` and a background
update, which kept withdrawn pages).

Runs the app as scripts/proxy_check.py does (production settings, the fixtures, SQLite, no Redis),
then, for each name given, nginx with that config and wrk through it: 2 threads, 64 connections,
15 s, four public pages in turn. Prints requests/s, p50 and p99 per run; alternate the names to see
the noise of a shared machine.

    PROXY_CHECK_APP_PORT=8131 PROXY_CHECK_PORT=8132 .venv/bin/python bench/proxy_stale.py new old new old
"""

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts")]

import proxy_check as pc  # noqa: E402 (scripts/proxy_check.py: its environment, ports and nginx runner)

PATHS = ["/en/", "/zh-hans/", "/en/parks/ssip/", "/en/news/"]
PREVIOUS = (
    "    proxy_cache_use_stale updating error timeout http_500 http_502 http_503 http_504;\n"
    "    proxy_cache_background_update on;\n"
)
LUA_PATHS = ", ".join(f'"{path}"' for path in PATHS)
WRK_SCRIPT = (
    f"paths = {{{LUA_PATHS}}}\n"
    "i = 0\n"
    "request = function()\n"
    "  i = i + 1\n"
    '  return wrk.format("GET", paths[i % #paths + 1], {["X-Forwarded-Proto"] = "https"})\n'
    "end\n"
)


def run_nginx(name):
    directory = pc.WORK / f"nginx-{name}"
    main = pc.nginx.write_config(directory, f"{pc.HOST}:{pc.PROXY_PORT}", [f"{pc.HOST}:{pc.APP_PORT}"])
    if name == "old":
        site = directory / "portal.conf"
        site.write_text(re.sub(r"    proxy_cache_use_stale error timeout[^\n]*\n", PREVIOUS, site.read_text()))
    return subprocess.Popen([pc.nginx.nginx_binary(), "-p", str(directory), "-c", str(main)])


def main(names):
    pc.manage("migrate", "--noinput", "-v0")
    pc.manage("loaddata", "parks", "news", "-v0")
    pc.manage("collectstatic", "--noinput", "-v0")
    script = pc.WORK / "paths.lua"
    script.write_text(WRK_SCRIPT)
    log = open(pc.WORK / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
    gunicorn = str(Path(pc.PYTHON).parent / "gunicorn")
    app = subprocess.Popen(
        [gunicorn, "-c", "gunicorn.conf.py", "coop_portal.wsgi"], cwd=ROOT, env=pc.ENV, stdout=log, stderr=log
    )
    try:
        pc.wait_until_up(app, pc.APP_PORT, "/healthz")
        for name in names:
            proxy = run_nginx(name)
            try:
                pc.wait_until_up(proxy, pc.PROXY_PORT, "/healthz")
                url = f"http://{pc.HOST}:{pc.PROXY_PORT}/"
                command = ["wrk", "-t2", "-c64", "-d15s", "--latency", "-s", str(script), url]
                report = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            finally:
                proxy.terminate()
                proxy.wait(timeout=30)
            latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", report, re.M))
            rate = re.search(r"Requests/sec:\s+(\S+)", report).group(1)
            failed = re.search(r"Non-2xx or 3xx responses: (\d+)", report)
            print(
                f"{name}: {rate} req/s, p50 {latency['50']}, p99 {latency['99']}, "
                f"non-2xx {failed.group(1) if failed else 0}",
                flush=True,
            )
            time.sleep(1)
    finally:
        app.terminate()
        app.wait(timeout=30)
        log.close()
    shutil.rmtree(pc.WORK)


if __name__ == "__main__":
    main(sys.argv[1:] or ["new", "old"])
