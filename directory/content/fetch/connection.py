"""A connection to an address already checked, with a deadline on every read."""

import http.client
import io
import socket
import ssl
import time

CHUNK = 16384

def _connect(addresses, port, timeout):
    """A socket connected to the first address that answers, all within `timeout`."""
    deadline = time.monotonic() + timeout
    for ip in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        try:
            return socket.create_connection((str(ip), port), timeout=remaining)
        except OSError:
            continue
    if time.monotonic() >= deadline:
        raise TimeoutError("connect")
    raise ConnectionError("no address answered")


def _secure(sock, host, timeout):
    """Wrap a connected socket in verified TLS for `host` (the socket is closed on failure)."""
    sock.settimeout(timeout)
    try:
        return ssl.create_default_context().wrap_socket(sock, server_hostname=host)
    except BaseException:
        sock.close()
        raise


class _DeadlineReader(io.RawIOBase):
    """The raw stream under http.client's buffered reader; every read goes to the owner."""

    def __init__(self, owner):
        super().__init__()
        self._owner = owner

    def readable(self):
        """This is a reader."""
        return True

    def readinto(self, buffer):
        """One bounded recv into `buffer`."""
        return self._owner.recv_into(buffer)

    def close(self):
        """Let the owner close the socket once http.client is done with both."""
        if not self.closed:
            self._owner.reader_closed()
        super().close()


class _DeadlineSocket:
    """What http.client sees as its socket: every send and recv is bounded by the
    per-read timeout and by the deadline for the whole answer.

    Like a real socket with a file made from it, the real socket is closed only
    when both the connection and the response are closed: http.client closes
    the connection before handing over a response that ends at the close.
    """

    def __init__(self, sock, read_timeout, deadline):
        self._sock = sock
        self._read_timeout = read_timeout
        self._deadline = deadline
        self._readers = 0
        self._closed = False

    def _arm(self):
        """Set the timeout for the next operation, or raise if the deadline has passed."""
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the deadline for the answer has passed")
        self._sock.settimeout(min(self._read_timeout, remaining))

    def sendall(self, data):
        """Send (part of) the request."""
        self._arm()
        self._sock.sendall(data)

    def recv_into(self, buffer):
        """One recv, never waiting past the per-read timeout or the deadline."""
        self._arm()
        return self._sock.recv_into(buffer)

    def makefile(self, mode="rb", **_kwargs):
        """The buffered reader http.client parses the answer from."""
        if mode != "rb":
            raise ValueError(f"only 'rb' is supported, not {mode!r}")
        self._readers += 1
        return io.BufferedReader(_DeadlineReader(self), CHUNK)

    def reader_closed(self):
        """A file from makefile was closed."""
        self._readers -= 1
        self._close_if_done()

    def close(self):
        """The connection is done with the socket."""
        self._closed = True
        self._close_if_done()

    def _close_if_done(self):
        """Close the real socket once nobody can read from it any more."""
        if self._closed and self._readers <= 0:
            self._sock.close()


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection over a socket opened here, to an address checked here."""

    def __init__(self, target, sock):
        super().__init__(target.host, target.port)
        self._pinned = sock

    def connect(self):
        """Use the socket we were given; never look the host up again."""
        if self._pinned is None:
            raise http.client.NotConnected("the pinned socket is used up")
        self.sock, self._pinned = self._pinned, None


