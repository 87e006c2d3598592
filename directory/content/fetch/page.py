"""What a fetch gives back: the page, or the reason there is none."""

from dataclasses import dataclass
from email.message import Message


class FetchRefused(Exception):
    """The page could not be fetched.

    `reason` is one sentence for the maker, `kind` a short code for the program.
    """

    def __init__(self, kind, reason):
        super().__init__(reason)
        self.kind = kind
        self.reason = reason

    def __repr__(self):
        return f"FetchRefused({self.kind!r}, {self.reason!r})"


@dataclass(frozen=True)
class Page:
    """A fetched HTML page."""

    url: str  # the final URL after redirects
    status: int
    headers: list  # [(name, value)] as received, repeated headers kept
    body: bytes

    def header(self, name) -> list[str]:
        """All values of the header `name`, matched case-insensitively, in order."""
        wanted = name.lower()
        return [value for key, value in self.headers if key.lower() == wanted]

    @property
    def text(self) -> str:
        """The body decoded with the charset from Content-Type, else UTF-8 (errors replaced)."""
        message = Message()
        for value in self.header("content-type")[:1]:
            message["Content-Type"] = value
        charset = message.get_content_charset() or "utf-8"
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


