"""A real HTTP server on loopback that plays a maker's shop or social page:
tests set what each path answers, and see every request it received."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class PagesServer(ThreadingHTTPServer):
    """routes: {path: (status, [(header, value)], body bytes)}; requests: paths asked for."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes, self.requests = {}, []

    @property
    def port(self):
        return self.server_address[1]

    def url(self, path="/"):
        return f"http://127.0.0.1:{self.port}{path}"

    def page(self, path, html, status=200, headers=()):
        """Serve an HTML page at path."""
        self.routes[path] = (status, [("Content-Type", "text/html; charset=utf-8"), *headers],
                             html.encode())


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.server.requests.append(self.path)
        status, headers, body = self.server.routes.get(
            self.path, (404, [("Content-Type", "text/plain")], b"not here"))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        """Quiet: the tests read `requests` instead."""


@contextmanager
def pages_server():
    server = PagesServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()
