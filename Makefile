# Two commands: `make run` opens the app, `make test` runs the whole suite headless.
# Both set up what they need: system packages (apt, when root on Debian/Ubuntu) and
# the Python packages into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-sqlite test-postgres bench screenshots lint sysdeps sysdeps-test clean translations

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test,postgres]"
	touch $(STAMP)

sysdeps:
	@bash scripts/system-deps.sh run

sysdeps-test:
	@bash scripts/system-deps.sh test

run: sysdeps $(STAMP)
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && command -v xvfb-run >/dev/null; then \
	  echo "No display found: starting the app on a virtual X display (xvfb-run)."; \
	  xvfb-run -a -s "-screen 0 1440x900x24" $(VENV)/bin/volunteer-app; \
	else $(VENV)/bin/volunteer-app; fi

# The whole suite on SQLite (UI tests included), then the core and command-line suite
# again on a throwaway PostgreSQL server started on 127.0.0.1 for the run.
test: test-sqlite test-postgres

test-sqlite: sysdeps-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests

test-postgres: sysdeps-test $(STAMP)
	VOLUNTEER_APP_TEST_BACKEND=postgres QT_QPA_PLATFORM=offscreen \
	  bash scripts/with-postgres.sh $(PY) -m pytest tests --ignore=tests/ui

bench: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

screenshots: sysdeps $(STAMP)
	xvfb-run -a -s "-screen 0 1440x900x24" $(PY) -m tools.screenshots docs/screenshots

lint: $(STAMP)
	$(VENV)/bin/ruff check volunteer_app ui tests bench

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
