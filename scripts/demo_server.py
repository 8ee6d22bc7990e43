"""Serve the portal with its real content on a throwaway SQLite database, for screenshots and Lighthouse.

    .venv/bin/python scripts/demo_server.py [--port 8310]

Migrates a fresh database in a temporary folder, draws the demo pictures (into media/, as `make run`
does), loads the fixtures, makes the renditions and runs Django's development server (DEBUG on, so it
also serves media/). The database is deleted when the server stops. Nothing else is touched.
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# settings.CONTENT_FIXTURES (a test checks)
FIXTURES = ["parks", "news", "figures", "enterprises", "timeline", "documents"]


def prepare(env):
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["make_demo_images"], ["loaddata", *FIXTURES], ["make_renditions"]):
        subprocess.run([*manage, *command, "-v0"], check=True, cwd=ROOT, env=env)  # noqa: S603


@contextmanager
def demo_server(port: int):
    """A running server with the demo content; yields its base URL."""
    with tempfile.TemporaryDirectory(prefix="coop-demo-") as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "coop_portal.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder}/demo.sqlite3",
        }
        prepare(env)
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base_url}/healthz", timeout=1)  # noqa: S310 - our own server
                    break
                except OSError:
                    if server.poll() is not None:
                        raise RuntimeError(f"the server did not start (port {port} in use?)") from None
                    time.sleep(0.2)
            yield base_url
        finally:
            server.terminate()
            server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8310)
    args = parser.parse_args()
    # `kill` (SIGTERM, as scripts/lighthouse.sh does) stops the server too, not only Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with demo_server(args.port) as base_url:
        print(f"Serving the demo content at {base_url}/ (Ctrl-C to stop)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
