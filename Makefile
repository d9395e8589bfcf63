# Two entry points for a fresh clone: `make demo` opens the app on the bundled demo case,
# `make test` runs the whole test suite (property-based tests on a short, fixed set of examples); `make fuzz`
# runs the property-based tests long, on fresh random examples. All create .venv and install Variorum first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test fuzz lint bench accuracy screenshot install uninstall bundle deb clean FORCE

# A venv that an unsupported or since-removed Python made, or one without pip, is set up again
# (packaging/venv.sh replaces it).
VENV_OK := $(shell $(BIN)/python -c 'import sys, pip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo ok)

$(STAMP): pyproject.toml $(if $(VENV_OK),,FORCE)
	@sh packaging/venv.sh "$(PYTHON)" "$(VENV)"
	$(BIN)/python -m pip install --upgrade --progress-bar on pip
	$(BIN)/python -m pip install --progress-bar on -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@sh packaging/qt-system-libs.sh
	@sh packaging/ocr-engine.sh
	$(BIN)/variorum --demo

test: $(STAMP)
	@QT_QPA_PLATFORM=offscreen sh packaging/qt-system-libs.sh
	@sh packaging/ocr-engine.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

fuzz: $(STAMP)
	VARIORUM_HYPOTHESIS_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/property $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check --no-cache desktop tests bench  # a cached result misses a module moved to another folder
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/test_import_graph.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

accuracy: $(STAMP)
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/accuracy.py --corpus tests/data/real-heldout
	$(BIN)/python bench/accuracy.py --corpus tests/data/real-fresh
	$(BIN)/python bench/accuracy.py --corpus tests/data/real-fresh-2
	$(BIN)/python bench/accuracy.py --corpus tests/data/real-fresh-3
	$(BIN)/python bench/accuracy.py --corpus tests/data/real-fresh-4
	$(BIN)/python bench/accuracy.py --corpus tests/data/real-fresh-5
	$(BIN)/python bench/accuracy.py --corpus tests/data/real-fresh-6
	$(BIN)/python bench/accuracy.py --corpus tests/data/real-fresh-7

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/variorum --demo --screenshot docs/screenshot.png

# `variorum` on your PATH (with pipx, in its own venv) and in your application menu.
install:
	@command -v pipx >/dev/null 2>&1 || { echo "make install needs pipx: sudo apt-get install pipx (or: $(PYTHON) -m pip install --user pipx), then run it again."; exit 1; }
	pipx install --force --python "$(PYTHON)" .
	"$$(pipx environment --value PIPX_BIN_DIR)/variorum" --install-desktop
	@pipx ensurepath >/dev/null 2>&1 || true
	@echo "Installed: 'variorum' is in $$(pipx environment --value PIPX_BIN_DIR) (open a new terminal if it is not yet on your PATH)."

uninstall:
	-"$$(pipx environment --value PIPX_BIN_DIR)/variorum" --uninstall-desktop
	pipx uninstall variorum

# The one-folder bundle in dist/variorum/, then a Debian package of it in dist/.
bundle:
	PYTHON="$(PYTHON)" bash packaging/build.sh

deb: bundle
	bash packaging/build-deb.sh

FORCE:

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info
