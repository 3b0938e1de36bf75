"""Real processes for the proxy tests: `netra serve`, nginx running the shipped configuration
in front of it, clients that send a byte a second, and a health check polled on a schedule."""

import http.client
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHIPPED_CONFIG = REPO / "deploy" / "nginx" / "netra.conf"
NGINX = Path(os.environ.get("NETRA_NGINX", "/usr/sbin/nginx"))
# The ports of this suite (8720-8729): the app, nginx's plain HTTP and its HTTPS.
APP_PORT, HTTP_PORT, HTTPS_PORT = 8720, 8721, 8722


def netra_env(data_dir, **extra):
    """An embedded installation of its own: no database URL or setting from this process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "NETRA_"))}
    env["NETRA_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


def netra(env, *args, timeout=300):
    """Run `netra ARGS` to completion; its output."""
    done = subprocess.run(
        [sys.executable, "-m", "netra.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def start(command, env=None, log=None):
    return subprocess.Popen(
        command,
        env=env,
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def assert_free(*ports):
    """Something already on a port would answer in place of the process under test."""
    for port in ports:
        with socket.socket() as probe:
            # As the servers do: connections of an earlier run waiting out TIME_WAIT are fine.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                raise AssertionError(f"port {port} is taken; stop what listens there") from None


def wait_for_port(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the process on port {port} exited ({process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port} after {seconds} s")


def self_signed_certificate(directory):
    """A certificate for localhost and 127.0.0.1, and its key, as PEM files in DIRECTORY."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def render_shipped_config(*, app_port, http_port, https_port, cert, key, static_parent):
    """The shipped configuration with this machine's ports and paths, and nothing else changed.

    Each replaced text must be found, so that a change to the shipped file fails here rather
    than leaving the test running something else."""
    text = SHIPPED_CONFIG.read_text()
    replacements = [
        ("    listen [::]:80;\n", ""),  # no IPv6 needed on a test machine
        ("    listen [::]:443 ssl http2;\n", ""),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("/etc/letsencrypt/live/netra.example.go.id/fullchain.pem", str(cert)),
        ("/etc/letsencrypt/live/netra.example.go.id/privkey.pem", str(key)),
        ("root /var/www/netra;", f"root {static_parent};"),
        ("server_name netra.example.go.id;", "server_name localhost 127.0.0.1;"),
    ]
    for old, new in replacements:
        assert old in text, f"{old!r} is no longer in {SHIPPED_CONFIG.name}"
        text = text.replace(old, new)
    return text


def nginx_main_config(prefix, site):
    """Debian's /etc/nginx/nginx.conf in what matters here, with every path under PREFIX and
    the shipped site included: it runs in the foreground, as this user, with no root paths."""
    user = ""
    if os.geteuid() == 0:
        # As root nginx would hand its workers to nobody, who cannot read the test's files.
        user = "user root;"
    temp = "\n".join(
        f"    {kind}_temp_path {prefix / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    mime = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").exists() else ""
    return f"""{user}
daemon off;
worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{
    worker_connections 768;
}}
http {{
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    {mime}
    default_type application/octet-stream;
    access_log {prefix / "access.log"};
    gzip on;
{temp}
    include {site};
}}
"""


def start_nginx(prefix, site_text):
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / kind).mkdir(parents=True, exist_ok=True)
    site = prefix / "netra.conf"
    site.write_text(site_text)
    main = prefix / "nginx.conf"
    main.write_text(nginx_main_config(prefix, site))
    checked = subprocess.run(
        [str(NGINX), "-t", "-p", str(prefix), "-c", str(main), "-e", str(prefix / "error.log")],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    return start(
        [str(NGINX), "-p", str(prefix), "-c", str(main), "-e", str(prefix / "error.log")],
        log=open(prefix / "stdout.log", "wb"),  # noqa: SIM115 - open as long as nginx runs
    )


def tls_context():
    """The test's own certificate is self-signed: the connection is encrypted, not verified."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def connection(port, tls, timeout):
    if tls:
        return http.client.HTTPSConnection(
            "127.0.0.1", port, timeout=timeout, context=tls_context()
        )
    return http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)


BODY_LENGTH = 1000


def slow_request(path="/healthz"):
    """Headers and the start of a form body; the rest of the body never comes in time."""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: localhost\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {BODY_LENGTH}\r\n\r\n"
    ).encode()
    return head, b"a=" + b"x" * (BODY_LENGTH - 2)


class SlowClients:
    """COUNT connections that send a request a byte a second: half of them trickle the headers
    from the first byte, half send the headers at once and trickle the body.

    SPACING seconds apart, the connections land on the server's processes as separate
    visitors' would, rather than all on the first to wake. One thread sends each connection
    its next byte every second; a connection the server has
    closed (nginx's client_header_timeout, for instance) is counted and left alone."""

    def __init__(self, port, count, tls=False, spacing=0.0):
        self.port, self.count, self.tls, self.spacing = port, count, tls, spacing
        self.sockets, self.pending, self.closed_by_server = [], [], 0
        self.bytes_sent = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._trickle, name="slow-clients", daemon=True)

    def __enter__(self):
        for number in range(self.count):
            time.sleep(self.spacing)
            raw = socket.create_connection(("127.0.0.1", self.port), timeout=10)
            sock = tls_context().wrap_socket(raw) if self.tls else raw
            sock.settimeout(5)
            head, body = slow_request()
            if number % 2:
                sock.sendall(head)
                self.pending.append(body)
            else:
                self.pending.append(head + body)
            self.sockets.append(sock)
        self._thread.start()
        return self

    def _trickle(self):
        while not self._stop.wait(1.0):
            for index, sock in enumerate(self.sockets):
                if sock is None or not self.pending[index]:
                    continue
                try:
                    sock.send(self.pending[index][:1])
                except OSError:
                    self.sockets[index] = None
                    self.closed_by_server += 1
                    continue
                self.pending[index] = self.pending[index][1:]
                self.bytes_sent += 1

    @property
    def still_open(self):
        return sum(sock is not None for sock in self.sockets)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        for sock in self.sockets:
            if sock is not None:
                sock.close()


def poll_health(port, seconds, tls=False, every=0.5, timeout=2.0):
    """GET /healthz every EVERY seconds for SECONDS, each on a new connection, as a load
    balancer does; [(status or the error's name, seconds taken)], one per check."""

    def check():
        began = time.monotonic()
        conn = connection(port, tls, timeout)
        try:
            conn.request("GET", "/healthz")
            response = conn.getresponse()
            response.read()
            outcome = response.status
        except OSError as error:
            outcome = type(error).__name__
        finally:
            conn.close()
        return outcome, time.monotonic() - began

    futures = []
    with ThreadPoolExecutor(max_workers=int(timeout / every) + 2) as pool:
        start_at = time.monotonic()
        for number in range(int(seconds / every)):
            time.sleep(max(0.0, start_at + number * every - time.monotonic()))
            futures.append(pool.submit(check))
    return [future.result() for future in futures]


def answered(checks, within=2.0):
    """The checks that got a 200 within WITHIN seconds."""
    return [latency for outcome, latency in checks if outcome == 200 and latency <= within]
