# buurtscore — the two commands of the README:
#   make run   installs what is missing, builds release, runs the demo
#   make test  installs what is missing, runs the test suite
SHELL := /bin/bash
APT_PACKAGES := liblapack-dev libopenblas-dev pkg-config
# Only the tests need these: LibreOffice (headless) reads back results.xlsx, Chromium
# (headless) runs the report's weight explorer.
TEST_APT_PACKAGES := libreoffice-calc-nogui chromium
SWIFT ?= swift
DEMO_OUT ?= out/demo

# `make fuzz`: each libFuzzer target of Fuzz/ for FUZZ_SECONDS (default 600) seconds, starting
# from its seed corpus in Fuzz/corpus/<target>; new inputs go to Fuzz/.work/<target>, crashes to
# Fuzz/artifacts/. FUZZ_TARGETS picks targets, FUZZ_FLAGS adds libFuzzer options.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= fuzz-csv fuzz-model fuzz-metadata fuzz-check
FUZZ_FLAGS ?= -rss_limit_mb=4096 -max_len=16384
FUZZ_BUILD = $(SWIFT) build -c debug -Xswiftc -sanitize=fuzzer,address

.PHONY: run test build deps demo bench bench-compare bench-build examples docs fuzz clean

# Installs what is missing, quietly (apt's output is shown only when it fails); does nothing
# when everything is installed. `make test` adds TEST_APT_PACKAGES.
DEPS := $(APT_PACKAGES)
test: DEPS := $(APT_PACKAGES) $(TEST_APT_PACKAGES)
bench-compare: DEPS := $(APT_PACKAGES) python3 python3-venv

deps:
	@missing=""; for p in $(DEPS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; \
	  elif command -v sudo >/dev/null; then sudo="sudo"; \
	  else \
	    echo "Missing system packages:$$missing — not root and no sudo; install them with: apt-get install$$missing" >&2; exit 1; \
	  fi; \
	  echo "Installing system packages:$$missing"; \
	  log=$$(mktemp); \
	  if ! { $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; } >"$$log" 2>&1; then \
	    cat "$$log" >&2; rm -f "$$log"; echo "Installing$$missing failed (output above)" >&2; exit 1; \
	  fi; \
	  rm -f "$$log"; \
	fi

build: deps
	$(SWIFT) build -c release --product buurtscore

run: build
	@rm -rf $(DEMO_OUT)
	$$($(SWIFT) build -c release --show-bin-path)/buurtscore run datasets/demo/model.yml --out $(DEMO_OUT) --xlsx --top 10

test: deps
	$(SWIFT) test

# The DocC documentation of BuurtWorkflow (the catalog in Sources/BuurtWorkflow/BuurtWorkflow.docc
# and the doc comments), with every warning an error (a broken symbol link fails). The archive
# goes into .build/docs, laid out for static hosting: `python3 -m http.server -d $(DOCS_OUT)`
# shows it at http://localhost:8000/documentation/buurtworkflow.
DOCS_OUT ?= .build/docs/BuurtWorkflow.doccarchive
docs: deps
	mkdir -p $(dir $(DOCS_OUT))
	$(SWIFT) package --disable-sandbox generate-documentation --target BuurtWorkflow --warnings-as-errors \
	  --output-path $(DOCS_OUT)

# Benchmarks (never part of `make test`; they take a while). `make bench` runs every benchmark of
# the Benchmarks package, the scale table and the machine bound, and writes the tables into
# BENCHMARKS.md; `make bench-compare` times buurtscore against the pandas + numpy researcher
# (Benchmarks/compare) on the same files; COMPARE_ARGS narrows it (e.g. "--cases geometric,asem
# --repeat 1"). See BENCHMARKS.md.
BENCH_VENV := Benchmarks/compare/.venv
BENCH_PYTHON := $(BENCH_VENV)/bin/python
BENCH_DEPS := $(BENCH_VENV)/.installed-numpy-pandas-pyyaml

# CI's smoke build of the Benchmarks package (builds, runs nothing).
bench-build: deps
	cd Benchmarks && $(SWIFT) build

# CI's run of the Examples package (library use from outside the package): its executable's
# priority list of the demo must equal the scores and bands of `buurtscore run` on the same model.
examples: DEPS := $(APT_PACKAGES) python3
examples: deps
	$(SWIFT) build --product buurtscore
	cd Examples && $(SWIFT) build && mkdir -p .build && $$($(SWIFT) build --show-bin-path)/most-in-need > .build/most-in-need.txt
	cat Examples/.build/most-in-need.txt
	$$($(SWIFT) build --show-bin-path)/buurtscore run datasets/demo/model.yml --out Examples/.build/cli-demo --quiet
	python3 Examples/compare.py Examples/.build/most-in-need.txt Examples/.build/cli-demo

bench: deps
	SWIFT=$(SWIFT) Benchmarks/bench.sh

$(BENCH_DEPS):
	python3 -m venv $(BENCH_VENV) || { echo "python3 -m venv failed: install python3 and python3-venv" >&2; exit 1; }
	$(BENCH_PYTHON) -m pip install --quiet numpy pandas pyyaml
	touch $@

bench-compare: build $(BENCH_DEPS)
	$(BENCH_PYTHON) Benchmarks/compare/compare.py --buurtscore "$$($(SWIFT) build -c release --show-bin-path)/buurtscore" \
	  $(COMPARE_ARGS) --out Benchmarks/results/compare.md
	Benchmarks/splice.sh BENCHMARKS.md compare=Benchmarks/results/compare.md

fuzz: deps
	cd Fuzz && for t in $(FUZZ_TARGETS); do $(FUZZ_BUILD) --product $$t || exit 1; done; \
	bin=$$($(FUZZ_BUILD) --show-bin-path); \
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p .work/$$t artifacts; \
	  echo "== $$t for $(FUZZ_SECONDS) s"; \
	  $$bin/$$t .work/$$t corpus/$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -artifact_prefix=artifacts/$$t- $(FUZZ_FLAGS) || exit 1; \
	done

clean:
	rm -rf .build out Fuzz/.build Fuzz/.work
