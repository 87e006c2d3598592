"""Pages under load: gunicorn in its production configuration, driven by wrk.

    make bench                 # 100,000 stories, then the scale run (some minutes)
    BENCH_TINY=1 python -m bench.pages_bench   # a few hundred rows, one second each

For each size it builds a throw-away SQLite database with `seed-demo
--makers N --stories M`, starts `gunicorn -c gunicorn.conf.py app:app` on a
loopback port, and drives it with wrk (fixed connections and duration). In
the same run a bare Flask app that answers "hello" (bench/baseline.py) is
served by the same gunicorn settings: each page's throughput is given as a
share of it, so the figures mean something on any machine.

- At the largest size: every public page, anonymous (served by the page
  cache after the first request) and logged in (made for that maker, never
  cached), plus the weight of a first visit to the home page.
- The scale run: the logged-in pages at 1,000, 10,000 and 100,000 stories,
  and how their median grows. Thirty makers spread across the ids are given
  the sample craft and place at every size, so that page is full each time.

The results are printed and written to bench/results.md (tiny mode writes
to BENCH_RESULTS, or nowhere).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from bench import client, wrk
from tests import services

ROOT = Path(__file__).resolve().parent.parent
TINY = bool(os.environ.get("BENCH_TINY"))
SIZES = [300] if TINY else [1_000, 10_000, 100_000]  # stories; makers are a tenth
CONNECTIONS = 4 if TINY else 16
SECONDS = 1 if TINY else 10
RARE_WORD = "quillwork"
POSTGRES = os.environ.get("BENCH_POSTGRES", "")
ENGINE = "PostgreSQL" if POSTGRES else "SQLite"
BARS = {"page": 0.40, "fragment": 0.60, "p99_ms": 50, "growth": 1.5,
        "first_visit_kb": 60, "fragment_kb": 10}


def database_url(folder, stories):
    """A new database for this size: a SQLite file, or (with BENCH_POSTGRES
    naming a server, as `make bench-postgres` does) a PostgreSQL database."""
    if not POSTGRES:
        return f"sqlite:///{folder}/bench-{stories}.sqlite3"
    return services.fresh_database(POSTGRES, f"bench_{stories}")


def environment(folder, stories):
    env = {k: v for k, v in os.environ.items() if k not in ("DIRECTORY_ENV", "FLASK_DEBUG")}
    env.update({
        "DATABASE_URL": database_url(folder, stories),
        "SECRET_KEY": "bench-secret", "UPLOAD_FOLDER": f"{folder}/uploads",
        "RATELIMIT_ENABLED": "false", "MIN_FILL_SECONDS": "0", "PYTHONPATH": str(ROOT),
    })
    return env


def flask(env, *args):
    result = subprocess.run([sys.executable, "-m", "flask", "--app", "app", *args], cwd=ROOT,  # noqa: S603
                            env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@contextmanager
def gunicorn(env, target, port, log):
    """gunicorn with gunicorn.conf.py serving target, until the block ends."""
    gunicorn_bin = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
        [str(gunicorn_bin), "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", target],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        client.wait_until_up(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def seed(folder, stories):
    env = environment(folder, stories)
    started = time.perf_counter()
    flask(env, "init-db")
    flask(env, "seed-demo", "--makers", str(max(stories // 10, 30)), "--stories", str(stories))
    client.fill_sample_place(env["DATABASE_URL"])
    print(f"  seeded {stories:,} stories in {time.perf_counter() - started:.0f} s", flush=True)
    return env


def pages(url):
    """(label, path, htmx) of the public pages measured."""
    sample = client.sample(url)
    return [
        ("home", "/", False),
        ("makers", "/makers", False),
        ("makers by craft and place", f"/makers?craft={sample['craft']}&place={sample['place']}",
         False),
        ("a profile", f"/makers/{sample['slug']}", False),
        ("a story", f"/stories/{sample['story']}", False),
        ("search, page", f"/search?q={RARE_WORD}", False),
        ("search, htmx", f"/search?q={RARE_WORD}", True),
        ("feed", "/feeds/stories.atom", False),
    ]


def measure_pages(base_url, cookie, the_pages):
    """{(label, who): wrk result} for each page, anonymous and logged in."""
    results = {}
    for label, path, is_htmx in the_pages:
        htmx = {"HX-Request": "true"} if is_htmx else {}
        for who, headers in (("anonymous", {}), ("logged in", {"Cookie": cookie})):
            results[label, who] = wrk.run(base_url + path, headers | htmx, CONNECTIONS, SECONDS)
    return results


def main():
    wrk.ensure_installed()
    command = "make bench-postgres" if POSTGRES else "make bench"
    lines = [f"# Benchmark results on {ENGINE}\n\nMade by `{command}` on {client.machine()}, "
             f"wrk with {CONNECTIONS} connections for {SECONDS} s per row, gunicorn with "
             f"gunicorn.conf.py ({client.workers()} sync workers). Browsers' `Accept-Encoding: "
             "gzip, br` is sent with every request.\n"]
    scale = {}
    with tempfile.TemporaryDirectory() as folder, open(Path(folder) / "gunicorn.log", "w") as log:
        for stories in SIZES:
            print(f"{stories:,} stories:", flush=True)
            env = seed(folder, stories)
            with gunicorn(env, "app:app", client.free_port(), log) as base_url:
                cookie = client.log_in(base_url)
                the_pages = pages(env["DATABASE_URL"])
                if stories == SIZES[-1]:
                    with gunicorn(env, "bench.baseline:app", client.free_port(), log) as bare:
                        baseline = wrk.run(bare + "/", {}, CONNECTIONS, SECONDS)
                    results = measure_pages(base_url, cookie, the_pages)
                    weight = client.first_visit_weight(base_url)
                    fragment = client.fragment_weight(base_url, f"/search?q={RARE_WORD}")
                    lines += report(stories, baseline, results, the_pages, weight, fragment)
                scale[stories] = {label: wrk.run(base_url + path, {"Cookie": cookie} | (
                    {"HX-Request": "true"} if is_htmx else {}), CONNECTIONS, SECONDS)
                    for label, path, is_htmx in the_pages}
            shutil.rmtree(Path(folder) / "uploads", ignore_errors=True)
    lines += scale_report(scale)
    text = "\n".join(lines) + "\n"
    print(text)
    name = "results-postgresql.md" if POSTGRES else "results.md"
    target = os.environ.get("BENCH_RESULTS", "" if TINY else str(ROOT / "bench" / name))
    if target:
        Path(target).write_text(text)
        print(f"Written to {target}")


def verdict(ok):
    return "yes" if ok else "**no**"


def report(stories, baseline, results, the_pages, *weights):
    weight, fragment = weights
    lines = [f"## Public pages at {stories:,} stories\n",
             f"Bare Flask app on the same gunicorn: {baseline.rps:,.0f} requests/s, "
             f"p50 {baseline.p50:.1f} ms, p99 {baseline.p99:.1f} ms.\n",
             "| page | who | requests/s | p50 ms | p99 ms | share of bare | failed | bar met |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for label, _, is_htmx in the_pages:
        for who in ("anonymous", "logged in"):
            result = results[label, who]
            share = result.rps / baseline.rps
            if who == "anonymous":
                bar = BARS["fragment" if is_htmx else "page"]
                ok = share >= bar and result.p99 < BARS["p99_ms"] and result.errors == 0
            else:
                ok = result.p99 < BARS["p99_ms"] and result.errors == 0
            lines.append(f"| {label} | {who} | {result.rps:,.0f} | {result.p50:.1f} | "
                         f"{result.p99:.1f} | {share:.0%} | {result.errors} | {verdict(ok)} |")
    lines += ["", "Bars: anonymous pages at least 40% of the bare app's throughput, htmx "
              "fragments 60%, p99 under 50 ms; logged-in pages p99 under 50 ms.", "",
              f"First visit to the home page (HTML, CSS and JavaScript, compressed): "
              f"{weight / 1024:.1f} KB (bar {BARS['first_visit_kb']} KB: "
              f"{verdict(weight < BARS['first_visit_kb'] * 1024)}). Search results as an htmx "
              f"fragment: {fragment / 1024:.1f} KB (bar {BARS['fragment_kb']} KB: "
              f"{verdict(fragment < BARS['fragment_kb'] * 1024)}).", ""]
    return lines


def scale_report(scale):
    sizes = sorted(scale)
    lines = ["## Logged-in pages as the directory grows\n",
             "p50 / p99 in ms of each page made for a logged-in maker (never cached).\n",
             "| page | " + " | ".join(f"{size:,} stories" for size in sizes)
             + " | p50 growth | bar met |",
             "| --- | " + " | ".join("---:" for _ in sizes) + " | ---: | --- |"]
    for label in scale[sizes[0]]:
        cells = [f"{scale[size][label].p50:.1f} / {scale[size][label].p99:.1f}" for size in sizes]
        growth = scale[sizes[-1]][label].p50 / max(scale[sizes[0]][label].p50, 0.001)
        lines.append(f"| {label} | " + " | ".join(cells)
                     + f" | {growth:.2f}x | {verdict(growth < BARS['growth'])} |")
    lines += ["", f"Bar: the median grows by less than {BARS['growth']}x from the smallest "
              "size to the largest."]
    return lines


if __name__ == "__main__":
    main()
