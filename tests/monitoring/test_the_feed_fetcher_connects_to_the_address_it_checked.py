"""DNS rebinding: a name that resolves to a public address for the check and to an inside one a
moment later must not get the worker inside. The fetcher resolves once per hop and connects to
the address it checked, sending the name only in the Host header. No network: the connection
is one end of a socket pair, with the server's answer already written into the other."""

import socket

from netra.monitoring import fetch

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>B</title></channel></rss>'


def test_it_connects_to_the_checked_address_whatever_the_name_resolves_to_later(monkeypatch):
    answers = iter([["93.184.216.34"], ["127.0.0.1"], ["127.0.0.1"]])
    resolved, connected, requests = [], [], []
    monkeypatch.setattr(fetch, "resolve", lambda host, port: resolved.append(host) or next(answers))

    def connect(address, port, timeout):
        connected.append((address, port))
        ours, theirs = socket.socketpair()
        theirs.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
            b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(RSS), RSS)
        )
        requests.append(theirs)
        return ours

    monkeypatch.setattr(fetch, "connect", connect)
    fetched = fetch.fetch("http://berita-jember.test/rss?page=1")
    assert fetched.data == RSS and fetched.content_type == "application/rss+xml"
    assert resolved == ["berita-jember.test"] and connected == [("93.184.216.34", 80)]
    request = requests[0].recv(65536)
    assert request.startswith(b"GET /rss?page=1 HTTP/1.1\r\n")
    assert b"\r\nHost: berita-jember.test\r\n" in request
    requests[0].close()


def test_it_uses_no_proxy_from_the_environment(monkeypatch):
    monkeypatch.setenv("http_proxy", "http://10.0.0.1:3128")
    monkeypatch.setenv("HTTP_PROXY", "http://10.0.0.1:3128")
    monkeypatch.setattr(fetch, "resolve", lambda host, port: ["93.184.216.34"])
    connected, peers = [], []

    def connect(address, port, timeout):
        connected.append(address)
        ours, theirs = socket.socketpair()
        theirs.sendall(b"HTTP/1.0 200 OK\r\n\r\n" + RSS)
        theirs.shutdown(socket.SHUT_WR)  # the body ends where the server stops writing
        peers.append(theirs)
        return ours

    monkeypatch.setattr(fetch, "connect", connect)
    assert fetch.fetch("http://berita-jember.test/rss").data == RSS
    assert connected == ["93.184.216.34"]
    peers[0].close()
