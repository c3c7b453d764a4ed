"""HTTP requests with a total deadline, not only a per-read timeout.

``urllib``'s ``timeout`` bounds each socket operation: a server that sends one byte every
second never trips it and can hold a request for hours. :func:`open_url` adds a deadline for
the whole request (connection, redirects, headers and body): a watchdog shuts the request's
sockets down when it passes, and the read in progress fails at once. Used by URL ingest
(``briefbook add URL``) and by ``briefbook check --online``.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message


class DeadlineExceeded(TimeoutError):
    """The request took longer than its total deadline."""


@dataclass(frozen=True, kw_only=True)
class Response:
    """What a request returned.

    Attributes:
        status: The HTTP status code.
        url: The final URL, after redirects.
        headers: The response headers.
        body: The body, at most ``max_bytes + 1`` bytes (one more tells it was longer).
    """

    status: int
    url: str
    headers: Message
    body: bytes


class _Watchdog:
    """Shuts down every socket of a request once its deadline has passed."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True

    def remaining(self) -> float:
        """Seconds left; raises :class:`DeadlineExceeded` when none are."""
        left = self.end - time.monotonic()
        if left <= 0 or self.expired:
            raise DeadlineExceeded("deadline passed")
        return left

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shutdown(sock)

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)

    @contextmanager
    def running(self) -> Iterator[None]:
        self._timer.start()
        try:
            yield
        finally:
            self._timer.cancel()


def _shutdown(sock: socket.socket) -> None:
    try:  # on the file descriptor itself, below any TLS layer
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


def _handlers(dog: _Watchdog) -> list[urllib.request.BaseHandler]:
    def connection(base: type[http.client.HTTPConnection]) -> Callable[..., object]:
        class Watched(base):  # type: ignore[misc, valid-type]
            def connect(self) -> None:
                left = dog.remaining()
                ours = self.timeout if isinstance(self.timeout, (int, float)) else left
                self.timeout = min(ours, left)
                super().connect()
                dog.watch(self.sock)

        return Watched

    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(connection(http.client.HTTPConnection), req)  # type: ignore[arg-type]

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(connection(http.client.HTTPSConnection), req,  # type: ignore[arg-type]
                                context=self._context)  # type: ignore[attr-defined]

    return [HTTP(), HTTPS()]


def open_url(request: urllib.request.Request, *, deadline: float, timeout: float,
             max_bytes: int, accept: Callable[[Message], None] | None = None) -> Response:
    """Send a request and read its response within ``deadline`` seconds in all.

    Args:
        request: The request (method, URL, headers).
        deadline: Seconds for everything: connecting, redirects, headers, the body.
        timeout: Seconds any single socket operation may wait (never beyond the deadline).
        max_bytes: The most body bytes read (``max_bytes + 1`` are read to tell "longer").
        accept: Called with the headers before the body is read; raise to refuse it.

    Raises:
        DeadlineExceeded: The deadline passed (a slow or trickling server).
        urllib.error.HTTPError, urllib.error.URLError, OSError: As ``urllib`` raises them.
    """
    dog = _Watchdog(deadline)
    opener = urllib.request.build_opener(*_handlers(dog))
    with dog.running():
        try:
            with opener.open(request, timeout=min(timeout, deadline)) as response:
                dog.remaining()  # headers cut short by the watchdog are no headers
                if accept is not None:
                    accept(response.headers)
                chunks: list[bytes] = []
                size = 0
                while size <= max_bytes:
                    chunk = response.read1(min(65536, max_bytes + 1 - size))
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
                    dog.remaining()
                dog.remaining()  # a body cut short by the watchdog is not a whole body
                return Response(status=response.status, url=response.geturl(),
                                headers=response.headers, body=b"".join(chunks))
        except DeadlineExceeded as exc:
            raise DeadlineExceeded(f"no complete answer within {deadline:g} s") from exc
        except (OSError, ValueError, http.client.HTTPException) as exc:
            if dog.expired:
                raise DeadlineExceeded(f"no complete answer within {deadline:g} s") from exc
            raise
