# socd — the commands the README names. `make help` lists them.
#
# Everything a fresh Debian 12 machine with Swift needs is installed by `make deps`
# (as root via apt; otherwise the exact command to run is printed).

SWIFT        ?= swift
PREFIX       ?= /usr/local
DESTDIR      ?=
RUN_DIR      ?= $(CURDIR)/.run
SOCKET       ?= $(RUN_DIR)/socd.sock
STATE_DIR    ?= $(RUN_DIR)/state
RELEASE_FLAGS = -c release --static-swift-stdlib
BIN_DEBUG     = .build/debug
BIN_RELEASE   = .build/release

# C libraries the build links, and the tools the tests drive.
BUILD_PACKAGES = libsqlite3-dev libsystemd-dev pkg-config
TEST_PACKAGES  = systemd util-linux socat netcat-openbsd tmux zsh python3 python3-venv nodejs sqlite3 nftables iptables

.PHONY: help deps test-deps build release run test unit-test release-test bench lint format revision clean \
	openrpc clients-test install uninstall deb package-test

help:
	@echo "make run      build socd and socctl, start socd with the default scenario in the foreground"
	@echo "make test     build, run every test (unit, daemon, end-to-end), build and check the release"
	@echo "make bench    benchmarks, each beside a baseline measured in the same run"
	@echo "make openrpc  regenerate clients/openrpc.json and the reference in docs/PROTOCOL.md from socd"
	@echo "make clients-test  the Python, Node and shell clients and the protocol docs against socd"
	@echo "make lint     check formatting with swift format"
	@echo "make clean    remove build products and the local run directory"
	@echo "make install  install socd in PREFIX (default /usr/local), honouring DESTDIR"
	@echo "make deb      build the Debian package in out/"

deps:
	@./scripts/ensure-packages $(BUILD_PACKAGES)

test-deps:
	@./scripts/ensure-packages $(BUILD_PACKAGES) $(TEST_PACKAGES)

# The build revision is compiled in through a generated header, rewritten only when it changes.
revision:
	@./scripts/write-revision Sources/CSocShims/socd_revision.h

build: deps revision
	$(SWIFT) build

release: deps revision
	$(SWIFT) build $(RELEASE_FLAGS)

run: release
	@mkdir -p $(RUN_DIR)
	@echo
	@echo "socd is starting in the foreground (Ctrl-C stops it)."
	@echo "  socket: $(SOCKET)"
	@echo "  state:  $(STATE_DIR)"
	@echo
	@echo "Drive it from another terminal:"
	@echo "  export SOCD_SOCKET=$(SOCKET)"
	@echo "  $(BIN_RELEASE)/socctl status"
	@echo "  $(BIN_RELEASE)/socctl ping"
	@echo "  $(BIN_RELEASE)/socctl events            # live events, Ctrl-C to stop"
	@echo "  $(BIN_RELEASE)/socctl call rpc.discover # the whole API"
	@echo
	@exec $(BIN_RELEASE)/socd --socket $(SOCKET) --state-dir $(STATE_DIR)

test: test-deps revision
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) release-test
	$(MAKE) package-test
	$(MAKE) clients-test

# The release binaries are what gets installed: build them and check they work end to end.
release-test: release
	./scripts/release-smoke-test $(BIN_RELEASE)

# Installation and the Debian package (packaging/). `make install` puts the release binaries,
# the systemd units, sysusers/tmpfiles entries, man pages, completions and clients under
# $(DESTDIR)$(PREFIX); scripts/install-socd says where each goes and why. Override a directory
# with SYSTEMD_UNIT_DIR, SYSUSERS_DIR, TMPFILES_DIR, BASH_COMPLETION_DIR or ZSH_COMPLETION_DIR.
OUT_DIR               = out
PACKAGING_PACKAGES    = patchelf dpkg-dev binutils
PACKAGE_TEST_PACKAGES = lintian strace man-db groff-base systemd python3

install: release
	@./scripts/ensure-packages $(PACKAGING_PACKAGES)
	DESTDIR="$(DESTDIR)" PREFIX="$(PREFIX)" ./scripts/install-socd install $(BIN_RELEASE) $(OUT_DIR)/generated

uninstall:
	DESTDIR="$(DESTDIR)" PREFIX="$(PREFIX)" ./scripts/install-socd uninstall

deb: release
	@./scripts/ensure-packages $(PACKAGING_PACKAGES)
	./scripts/build-deb $(BIN_RELEASE) $(OUT_DIR)

# Checks the units, man pages, install layout and Debian package; see packaging/tests.
package-test: release
	@./scripts/ensure-packages $(PACKAGING_PACKAGES) $(PACKAGE_TEST_PACKAGES)
	MAKE="$(MAKE)" ./packaging/tests/run $(BIN_RELEASE)

# The API contract: clients/openrpc.json is what socd's rpc.discover returns (pretty-printed,
# sorted keys); the generated tables in docs/PROTOCOL.md follow it. clients-test fails when
# either is stale.
openrpc: build
	./scripts/generate-openrpc

# Python, shell and Node clients, the OpenRPC contract and the PROTOCOL.md examples, each
# against real socd daemons.
CLIENT_TEST_PACKAGES = python3 python3-venv nodejs socat netcat-openbsd
CLIENTS_VENV        ?= .build/clients-venv

clients-test: build
	@./scripts/ensure-packages $(CLIENT_TEST_PACKAGES)
	./scripts/clients-test $(CLIENTS_VENV)

bench: release
	$(BIN_RELEASE)/socd-bench

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Benchmarks

format:
	$(SWIFT) format --in-place --recursive Sources Tests Benchmarks

clean:
	rm -rf .build $(RUN_DIR)
