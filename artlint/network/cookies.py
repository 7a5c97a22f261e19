"""The cookies of one redirect chain, sent back along it as a browser would.

Some sites answer a first visit with a redirect that sets a cookie, often to the same URL, and
serve the page once the cookie comes back. A client that drops cookies goes round in a loop
and would call a working link broken. Each chain gets its own jar, so that one link's check
never depends on another's. The rules (domain, path, Secure, expiry) are the standard
library's `http.cookiejar`, imported when a server first sets a cookie.
"""

from __future__ import annotations

from typing import Any


class ChainCookies:
    def __init__(self) -> None:
        self._jar: Any = None  # an http.cookiejar.CookieJar, once a server has set a cookie

    def header(self, url: str) -> str | None:
        """The Cookie header a browser would send to `url`, if any."""
        if self._jar is None:
            return None
        from urllib.request import Request  # here: only sites that set cookies need urllib.request (start-up speed)

        request = Request(url)
        self._jar.add_cookie_header(request)
        return request.get_header("Cookie")

    def take(self, url: str, set_cookie: list[str]) -> None:
        """Keep the cookies of an answer from `url` (its Set-Cookie header values)."""
        if not set_cookie:
            return
        # Imported here: only sites that set cookies need these (start-up speed).
        from email.message import Message
        from http.cookiejar import CookieJar
        from urllib.request import Request

        if self._jar is None:
            self._jar = CookieJar()
        headers = Message()
        for value in set_cookie:
            headers["Set-Cookie"] = value  # a Message keeps every value of a repeated header
        self._jar.extract_cookies(_Answered(headers), Request(url))


class _Answered:
    """What CookieJar reads of a response: its headers, through `info()`."""

    def __init__(self, headers: Any) -> None:
        self._headers = headers

    def info(self) -> Any:
        return self._headers
