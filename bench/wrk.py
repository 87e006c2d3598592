"""wrk, the HTTP load generator: installed from Debian's packages when
missing, run with fixed connections and duration, its report parsed."""

import os
import re
import shutil
import subprocess
from typing import NamedTuple

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
ACCEPT_ENCODING = "gzip, br"  # what browsers send


class Result(NamedTuple):
    rps: float
    p50: float  # milliseconds
    p99: float
    errors: int  # non-2xx/3xx answers and socket errors


def ensure_installed():
    if shutil.which("wrk"):
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)  # noqa: S603
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "wrk"], check=True,  # noqa: S603
                   env=env)


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse(output):
    """A Result from wrk's report (run with --latency)."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors = 0
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(found.group(1))
    if found := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                          output):
        errors += sum(int(n) for n in found.groups())
    return Result(rps, p50, p99, errors)


def run(url, headers, connections, seconds):
    """Load url for `seconds` over `connections` connections; its Result."""
    command = ["wrk", "--latency", "-t", str(min(connections, 2)), "-c", str(connections),
               "-d", f"{seconds}s", "-H", f"Accept-Encoding: {ACCEPT_ENCODING}"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    result = subprocess.run([*command, url], capture_output=True, text=True, check=True)  # noqa: S603
    return parse(result.stdout)
