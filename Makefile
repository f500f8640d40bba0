# One command to build the example site with real audio, one to run the tests; both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
# `make example` needs the plugin, the theme and the example's feed and video extras, not the test tools or cloud SDKs
EXAMPLE_STAMP := $(VENV)/.example-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: example serve test lint typecheck pytest docs clean browser screenshot bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

$(EXAMPLE_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[example]"
	rm -f $(VENV)/.example-*
	touch $(EXAMPLE_STAMP)

example: $(EXAMPLE_STAMP)
	cd example-site && ../$(BIN)/mkdocs build
	@echo "Site built: $(CURDIR)/example-site/site (open index.html, or run 'make serve')"

serve: $(EXAMPLE_STAMP)
	cd example-site && ../$(BIN)/mkdocs serve

# The browser tests drive Debian's Chromium through its chromedriver (installed once, when missing); the video tests
# draw title cards with DejaVu Sans (a font with accented letters, Greek and Cyrillic, as users' systems have).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null && \
		[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || \
		($(SUDO) apt-get update && \
		 $(SUDO) apt-get install -y --no-install-recommends chromium chromium-driver fonts-dejavu-core)

# Refresh the picture of the player in docs/ (a browser test takes it).
screenshot: $(STAMP) browser
	CONVAUDIO_SCREENSHOT=$(CURDIR)/docs/img/player.png $(BIN)/pytest -q tests/test_browser.py -k screenshot

test: $(STAMP) browser
	$(BIN)/ruff check mkdocs_convaudio tests benchmarks
	$(BIN)/ruff format --check mkdocs_convaudio tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

docs: $(STAMP)
	$(BIN)/mkdocs build --strict -f mkdocs.yml

clean:
	rm -rf $(VENV) site example-site/site example-site/.cache .cache

BENCH_STAMP := $(VENV)/.bench-installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	rm -f $(VENV)/.bench-installed-*
	touch $(BENCH_STAMP)

# Benchmarks (slow, not part of `make test`): synthetic sites, every figure of issue 6 as a ratio of the same run
bench: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.long_lines
