# Two commands do all the set-up (see README):
#   make run    create .venv, install everything, open the app
#   make test   create .venv, install everything, run the whole test suite headless
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test deps sysdeps dist bench evaluate screenshots clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

deps: $(STAMP)

# System libraries Qt and the PDF tests need on a bare Debian machine (no-op when present).
sysdeps:
	@sh scripts/sysdeps.sh

# With no screen at all (a server, a container) the app runs on a virtual X screen so that
# it still starts; on a desktop it opens normally.
run: sysdeps deps
	@if [ "$$(uname)" = "Linux" ] && [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ] && [ -z "$${QT_QPA_PLATFORM:-}" ]; then \
		echo "No display found: starting Rapport on a virtual screen (xvfb-run)."; \
		xvfb-run -a $(BIN)/python main.py $(ARGS); \
	else \
		$(BIN)/python main.py $(ARGS); \
	fi

test: sysdeps deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

evaluate: deps
	$(BIN)/python -m sentiment.evaluate

# Desktop app: a PyInstaller one-folder build (build.spec) into dist/rapport/, then the smoke
# test of the frozen app from a copy outside the repo (packaging/smoke.sh). Same set-up as
# `make test`, plus the pinned build tools.
dist: sysdeps deps
	$(BIN)/python -m pip install --quiet -r requirements-build.txt
	$(BIN)/pyinstaller --noconfirm build.spec
	bash packaging/smoke.sh dist/rapport

# The smoke test alone, on an existing dist/rapport.
.PHONY: smoke
smoke:
	bash packaging/smoke.sh dist/rapport

clean:
	rm -rf build dist $(VENV)
