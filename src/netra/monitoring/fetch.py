"""Fetching a news feed without opening a way into the server's own network (server-side
request forgery).

An officer types a feed address and the worker fetches it. Left alone, that address could name
the database, the cloud's metadata service (169.254.169.254, fd00:ec2::254, which hands out
credentials) or any host of the office network. So:
- only http(s), with no credentials in the address;
- the host is resolved here, and every address it resolves to must be a global unicast one
  (not loopback, private, shared, link-local, unique-local, multicast, unspecified or
  reserved, also when wrapped in an IPv6 address);
- the connection goes to the address that was checked, so a name that resolves elsewhere a
  moment later (DNS rebinding) changes nothing;
- redirects are followed here, at most MAX_REDIRECTS, each one checked again;
- the body is read up to MAX_BYTES, and the whole exchange ends after TIMEOUT_SECONDS.
No proxy from the environment is used: it would connect to hosts it resolved itself.
"""

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 20.0
USER_AGENT = "Netra/1 (+pemantauan)"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Cloud metadata services: refused even where a test allows a network that holds them.
METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)
NAT64 = ipaddress.ip_network("64:ff9b::/96")

_allowed_for_tests = ()


class Refused(Exception):
    """The address may not be fetched, or the answer is unusable. CODE names why."""

    def __init__(self, code, detail=""):
        super().__init__(code)
        self.code, self.detail = code, detail


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str
    url: str


def resolve(host, port):
    """The addresses HOST resolves to (the seam tests replace: they never use the network)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise Refused("unresolvable", host) from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def connect(address, port, timeout):
    """A TCP connection to the checked ADDRESS (the seam a test replaces to see where it goes)."""
    return socket.create_connection((address, port), timeout=timeout)


def _embedded_ipv4(ip):
    """IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo, NAT64)."""
    if ip.version != 6:
        return []
    found = [ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None]
    if ip in NAT64:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [v4 for v4 in found if v4 is not None]


def is_refused(address):
    """True when ADDRESS is not a public unicast address a feed may live at."""
    ip = ipaddress.ip_address(str(address).split("%", 1)[0])  # without an IPv6 zone
    if ip in METADATA or any(refused in METADATA for refused in _embedded_ipv4(ip)):
        return True
    if any(ip in network for network in _allowed_for_tests):
        return False
    if not ip.is_global or ip.is_multicast or ip.is_reserved:
        return True
    return any(is_refused(v4) for v4 in _embedded_ipv4(ip))


@contextmanager
def allowing_for_tests(*networks):
    """Tests only: let the fetcher reach NETWORKS (a feed served by a local thread), which it
    refuses otherwise. Metadata addresses stay refused."""
    global _allowed_for_tests
    previous = _allowed_for_tests
    _allowed_for_tests = previous + tuple(ipaddress.ip_network(n) for n in networks)
    try:
        yield
    finally:
        _allowed_for_tests = previous


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str
    address: str


def check_url(url):
    """The checked target of URL: where to connect, once every address of its host passed.
    Raises Refused("bad_url" | "unresolvable" | "private_address")."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise Refused("bad_url") from None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.username
        or parts.password is not None
    ):
        raise Refused("bad_url")
    port = port or (443 if parts.scheme == "https" else 80)
    addresses = resolve(parts.hostname, port)
    if not addresses:
        raise Refused("unresolvable", parts.hostname)
    # One refused address refuses the host: the system resolver might pick it on a retry.
    for address in addresses:
        if is_refused(address):
            raise Refused("private_address", address)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(parts.scheme, parts.hostname, port, path, addresses[0])


class _PinnedHTTP(http.client.HTTPConnection):
    """HTTP to a checked address, with the host's name in the Host header. PINNED keeps the
    socket: http.client drops its own reference when the server closes after the answer."""

    pinned = None

    def __init__(self, target, timeout):
        super().__init__(target.host, target.port, timeout=timeout)
        self._address = target.address

    def connect(self):
        self.sock = self.pinned = connect(self._address, self.port, self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to a checked address; the certificate is verified for the host's name."""

    pinned = None

    def __init__(self, target, timeout):
        self._tls = ssl.create_default_context()
        super().__init__(target.host, target.port, timeout=timeout, context=self._tls)
        self._address = target.address

    def connect(self):
        plain = connect(self._address, self.port, self.timeout)
        try:
            self.sock = self.pinned = self._tls.wrap_socket(plain, server_hostname=self.host)
        except BaseException:
            plain.close()
            raise


def fetch(url):
    """The body of the feed at URL, after checking every hop. Raises Refused."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    for _hop in range(MAX_REDIRECTS + 1):
        target = check_url(url)
        status, location, content_type, data = _get(target, deadline)
        if status in REDIRECTS and location:
            url = urljoin(url, location)
            continue
        if status != 200:
            raise Refused("http_status", str(status))
        return Fetched(data, content_type, url)
    raise Refused("too_many_redirects")


def _remaining(deadline):
    left = deadline - time.monotonic()
    if left <= 0:
        raise Refused("timeout")
    return left


def _get(target, deadline):
    kind = _PinnedHTTPS if target.scheme == "https" else _PinnedHTTP
    connection = kind(target, timeout=min(_remaining(deadline), 10.0))
    # A server that drips bytes would reset every socket timeout: at the deadline the socket
    # is shut from here, which ends whatever read is waiting.
    watchdog = threading.Timer(_remaining(deadline), _shut, [connection])
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.request(
            "GET",
            target.path,
            headers={
                "User-Agent": USER_AGENT,
                "Accept-Encoding": "identity",
                "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                "text/xml;q=0.9, */*;q=0.1",
            },
        )
        response = connection.getresponse()
        if response.status in REDIRECTS:
            return response.status, response.getheader("Location", ""), "", b""
        if response.status != 200:
            return response.status, "", "", b""
        declared = response.getheader("Content-Length", "")
        if declared.isdigit() and int(declared) > MAX_BYTES:
            raise Refused("too_large")
        body = bytearray()
        while True:
            connection.pinned.settimeout(min(_remaining(deadline), 10.0))
            chunk = response.read1(64 * 1024)  # one read of the socket at most
            if not chunk:
                break
            body += chunk
            if len(body) > MAX_BYTES:
                raise Refused("too_large")
        _remaining(deadline)  # a read cut by the watchdog is a timeout, not a short feed
        return 200, "", response.getheader("Content-Type", ""), bytes(body)
    except Refused:
        raise
    except (OSError, http.client.HTTPException, ValueError) as error:
        if time.monotonic() >= deadline or isinstance(error, TimeoutError):
            raise Refused("timeout") from None
        if isinstance(error, ssl.SSLError):
            raise Refused("tls") from None
        raise Refused("unreachable") from None
    finally:
        watchdog.cancel()
        connection.close()
        if connection.pinned is not None:
            connection.pinned.close()


def _shut(connection):
    sock = connection.pinned
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
