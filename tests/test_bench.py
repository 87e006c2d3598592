"""The page bench runs in a tiny mode (300 stories, one second per row) so it
cannot rot: it must seed, serve, log in, load every page and write its
report with no failed request. Its timings are not judged here."""

import os
import re
import subprocess
import sys

import pytest

from bench import wrk
from tests.test_serving import ROOT

WRK_REPORT = """Running 1s test @ http://127.0.0.1:8000/
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.05ms  420.11us   9.87ms   92.10%
    Req/Sec     1.95k   150.00     2.10k    70.00%
  Latency Distribution
     50%  980.00us
     75%    1.10ms
     90%    1.30ms
     99%    1.20s
  3890 requests in 1.00s, 1.10MB read
  Non-2xx or 3xx responses: 3
  Socket errors: connect 0, read 1, write 0, timeout 2
Requests/sec:   3885.12
Transfer/sec:      1.10MB
"""


def test_a_wrk_report_is_read_with_its_units():
    result = wrk.parse(WRK_REPORT)
    assert result.rps == 3885.12
    assert result.p50 == pytest.approx(0.98)
    assert result.p99 == pytest.approx(1200.0)
    assert result.errors == 6


def test_the_tiny_bench_serves_every_page_without_a_failure(tmp_path):
    results = tmp_path / "results.md"
    env = {**os.environ, "BENCH_TINY": "1", "BENCH_RESULTS": str(results)}
    run = subprocess.run([sys.executable, "-m", "bench.pages_bench"], cwd=ROOT, env=env,  # noqa: S603
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    text = results.read_text()
    rows = re.findall(r"^\| ([^|]+) \| (anonymous|logged in) \| ([\d,]+) \| [\d.]+ \| [\d.]+ "
                      r"\| \d+% \| (\d+) \|", text, re.M)
    pages = {page for page, _, _, _ in rows}
    assert len(pages) == 8 and len(rows) == 16, text
    assert all(int(failed) == 0 for *_, failed in rows), text
    assert all(int(rps.replace(",", "")) > 0 for _, _, rps, _ in rows)
    assert "First visit to the home page" in text
    assert "## Logged-in pages as the directory grows" in text
