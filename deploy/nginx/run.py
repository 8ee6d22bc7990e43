"""Runs nginx with deploy/nginx/portal.conf on this machine, as any user, with its files in one folder.

    .venv/bin/python deploy/nginx/run.py --listen 8080 --upstream 127.0.0.1:8000   # what `make serve-proxy` runs

Writes a copy of portal.conf with the given port, app server(s) and cache folder, and a small
nginx.conf around it (pid, logs, temporary files under --dir), then runs nginx in the foreground.
scripts/proxy_check.py and bench/spike.py start it the same way (``start()``).
"""

import argparse
import getpass
import os
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = HERE.parent.parent / "var" / "nginx"

MAIN = """daemon off;
worker_processes auto;
{user}pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;
    include {dir}/portal.conf;
}}
"""


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise SystemExit("nginx is not installed: `make proxy-deps` installs Debian's package")
    return found


def write_config(directory: Path, listen: str, upstreams: list[str]) -> Path:
    directory = directory.resolve()
    (directory / "tmp").mkdir(parents=True, exist_ok=True)
    site = (HERE / "portal.conf").read_text()
    site = site.replace("/var/cache/nginx/portal", str(directory / "cache"))
    site = site.replace("listen 8080;", f"listen {listen};")
    site = site.replace("    server 127.0.0.1:8000;\n", "".join(f"    server {server};\n" for server in upstreams))
    (directory / "portal.conf").write_text(site)
    # As root, nginx's workers would run as nobody, who cannot write this folder.
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    main = directory / "nginx.conf"
    main.write_text(MAIN.format(dir=directory, user=user))
    return main


def start(directory: Path, listen: str, upstreams: list[str], **popen) -> subprocess.Popen:
    """nginx in the foreground, as a child process (terminate() stops it)."""
    main = write_config(directory, listen, upstreams)
    command = [nginx_binary(), "-p", str(directory.resolve()), "-c", str(main)]
    subprocess.run([*command, "-t", "-q"], check=True)
    return subprocess.Popen(command, **popen)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", default="127.0.0.1:8080")
    parser.add_argument("--upstream", action="append", help="host:port of an app server (repeat for more)")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args()
    main_config = write_config(args.dir, args.listen, args.upstream or ["127.0.0.1:8000"])
    print(f"nginx on {args.listen}, cache in {args.dir / 'cache'}", flush=True)
    os.execv(nginx_binary(), ["nginx", "-p", str(args.dir.resolve()), "-c", str(main_config)])


if __name__ == "__main__":
    main()
