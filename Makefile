# buurtscore — the two commands of the README:
#   make run   installs what is missing, builds release, runs the demo
#   make test  installs what is missing, runs the test suite
SHELL := /bin/bash
APT_PACKAGES := liblapack-dev libopenblas-dev pkg-config
# Only the tests need these: Chromium (headless) runs the report's weight explorer.
TEST_APT_PACKAGES := chromium
SWIFT ?= swift
DEMO_OUT ?= out/demo

.PHONY: run test build deps demo bench clean

# `make test` also installs TEST_APT_PACKAGES.
DEPS := $(APT_PACKAGES)
test: DEPS := $(APT_PACKAGES) $(TEST_APT_PACKAGES)

deps:
	@missing=""; for p in $(DEPS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  elif command -v sudo >/dev/null; then \
	    echo "Installing system packages with sudo:$$missing"; \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing system packages:$$missing — not root and no sudo; install them with: apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c release --product buurtscore

run: build
	@rm -rf $(DEMO_OUT)
	$$($(SWIFT) build -c release --show-bin-path)/buurtscore run datasets/demo/model.yml --out $(DEMO_OUT) --top 10

test: deps
	$(SWIFT) test

bench: deps
	cd Benchmarks && $(SWIFT) package benchmark

clean:
	rm -rf .build out
