# Two commands: `make run` opens the app, `make test` runs the whole suite headless.
# Both set up what they need: system packages (apt, when root on Debian/Ubuntu) and
# the Python packages into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench screenshots lint sysdeps sysdeps-test clean translations

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

test: sysdeps-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

screenshots: sysdeps $(STAMP)
	xvfb-run -a -s "-screen 0 1440x900x24" $(PY) -m ui.screenshots docs/screenshots

lint: $(STAMP)
	$(VENV)/bin/ruff check volunteer_app ui tests bench

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
