"""Misbehaving HTTP servers on 127.0.0.1 for the tests of deadlines (no network needed)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

PAGE = (b"<html><head><title>Slow</title></head><body><article><p>"
        + b"The harbour board met again to discuss the port. " * 20
        + b"</p></article></body></html>")


@contextmanager
def trickling_server(*, every: float = 0.2, headers_slowly: bool = False) -> Iterator[str]:
    """A server that answers one byte at a time, ``every`` seconds apart, for ever.

    With ``headers_slowly`` even the status line and headers trickle; otherwise the headers
    come at once and the body trickles. Yields the base URL.
    """
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                b"Content-Length: 100000000\r\n\r\n")
        with conn:
            try:
                conn.recv(65536)
                if not headers_slowly:
                    conn.sendall(head)
                    data = PAGE * 100000
                else:
                    data = head + PAGE * 100000
                for i in range(len(data)):
                    if stop.is_set():
                        return
                    conn.sendall(data[i:i + 1])
                    time.sleep(every)
            except OSError:
                return

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        listener.close()
