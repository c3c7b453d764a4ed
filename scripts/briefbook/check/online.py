"""``briefbook check --online``: fetch the site's external links, each within a deadline.

Every URL is tried with ``HEAD`` then ``GET`` (some servers refuse ``HEAD``), with retries and
a short pause between rounds. Each request has a total deadline (``timeout`` seconds for
connection, redirects, headers and the first bytes of the body), so a server that trickles
its answer cannot hold the check.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from briefbook.core.http import DeadlineExceeded, open_url

#: Body bytes read from a link's answer: none, only its status matters.
PROBE_BYTES = 0


class _Scan(Protocol):
    page: str
    external: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class LinkFailure:
    """An external link that did not answer: the page, the URL and why."""

    page: str
    url: str
    message: str


def fetch_status(url: str, timeout: float, retries: int) -> str | None:
    """``None`` if the URL answers, else why not (``HTTP 404``, ``no complete answer …``)."""
    error = "no answer"
    for attempt in range(retries + 1):
        for method in ("HEAD", "GET"):
            request = urllib.request.Request(url, method=method,
                                             headers={"User-Agent": "briefbook-check"})
            try:
                response = open_url(request, deadline=timeout, timeout=timeout,
                                    max_bytes=PROBE_BYTES)
                if response.status < 400:
                    return None
                error = f"HTTP {response.status}"
            except urllib.error.HTTPError as exc:
                error = f"HTTP {exc.code}"
                if exc.code in (404, 410):
                    return error
            except DeadlineExceeded:
                error = f"no complete answer within {timeout:g} s"
            except (urllib.error.URLError, OSError, ValueError) as exc:
                error = str(getattr(exc, "reason", exc))
        if attempt < retries:
            time.sleep(min(2.0, 0.5 * (attempt + 1)))
    return error


def check_external(urls: Iterable[str], scans: Sequence[_Scan], *, concurrency: int,
                   timeout: float, retries: int,
                   fetch: Callable[[str, float, int], str | None] = fetch_status,
                   ) -> list[LinkFailure]:
    """Fetch the external URLs (deduplicated, in parallel) and list the ones that fail."""
    fetchable = sorted(u for u in set(urls) if urlsplit(u).scheme in ("http", "https"))
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        results = dict(zip(fetchable, pool.map(lambda u: fetch(u, timeout, retries),
                                               fetchable), strict=True))
    return [LinkFailure(page=scan.page, url=url, message=error)
            for scan in scans for url in scan.external if (error := results.get(url))]
