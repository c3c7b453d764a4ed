# Two commands on a fresh machine:  make serve  (set up, then serve the book)
#                                   make test   (set up, then run every test)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: setup serve serve-reference build check test test-install lint fuzz bench eval pdf clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "briefbook needs Python 3.11 or newer; run e.g. 'make PYTHON=python3.12 ...'"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,docs]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

serve: setup
	$(BIN)/mkdocs serve --dirty

serve-reference: setup
	$(BIN)/mkdocs serve -f reference/mkdocs.yml -a 127.0.0.1:8001

build: setup
	$(BIN)/briefbook build

check: build
	$(BIN)/briefbook check site

lint: setup
	$(BIN)/ruff check scripts tests

test: setup
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest

test-install: setup
	$(BIN)/python -m pytest -m install -p no:cacheprovider

fuzz: setup
	$(BIN)/python -m pytest -m fuzz -p no:cacheprovider

bench: setup
	$(BIN)/briefbook bench

eval: setup
	$(BIN)/briefbook eval

clean:
	rm -rf site .cache
