# csp — `make` builds bin/csp; `make run` runs the showcase; `make test` runs
# every suite. Variants build into their own folders: `make asan`, `make tsan`.
# Dependencies are Debian packages, installed by .ci/deps.sh when missing.

CC     ?= gcc
BUILD  ?= release
PKGS   := bdw-gc libffi libedit mpfr gmp
O      := build/$(BUILD)

WARN   := -Wall -Wextra -Wshadow -Wno-unused-parameter -Wformat=2 -Wno-format-nonliteral
# Always errors, in every build: an undeclared function is assumed to return
# int, which truncates a returned pointer (gc.c's getenv did exactly that).
WARN   += -Werror=implicit-function-declaration -Werror=int-conversion
ifeq ($(CI),true)
WARN   += -Werror
endif
OPT_release := -O2 -g
OPT_asan    := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -DCSP_TEST_BUILD
OPT_tsan    := -O1 -g -fsanitize=thread -DCSP_TEST_BUILD
OPT_debug   := -O0 -g -DCSP_TEST_BUILD
# the VM's plain-switch dispatch (cppcheck reads this configuration)
OPT_nocgoto := -O2 -g -DCSP_NO_COMPUTED_GOTO
# libFuzzer targets (`make fuzz`): clang, coverage, ASan and UBSan (fatal)
OPT_fuzz    := -O1 -g -fsanitize=address,undefined -fsanitize=fuzzer-no-link \
               -fno-sanitize-recover=undefined -fno-omit-frame-pointer \
               -DCSP_TEST_BUILD
DEPS_fuzz   := clang libclang-rt-14-dev

# `=` so pkg-config runs only after the deps step has installed it.
CFLAGS  = -std=gnu11 $(OPT_$(BUILD)) $(WARN) -D_GNU_SOURCE -MMD -MP -I. \
          $(shell pkg-config --cflags $(PKGS))
LDFLAGS = $(filter -fsanitize=%,$(OPT_$(BUILD)))
LDLIBS  = $(shell pkg-config --libs $(PKGS)) -lm -lpthread
CHECKLIBS = $(shell pkg-config --libs check)

# stdlib/ is a tree, one folder per import path (stdlib/embed.sh).
STDSRC   := $(shell find stdlib -name '*.c' | LC_ALL=C sort)
STDGO    := $(shell find stdlib -name '*.go' | LC_ALL=C sort)
SRC      := $(wildcard lang/*.c runtime/*.c) $(STDSRC)
OBJ      := $(SRC:%.c=$(O)/%.o) $(O)/stdlib_src.o
LIBOBJ   := $(filter-out $(O)/lang/main.o,$(OBJ))
UNITSRC  := $(wildcard tests/unit/*.c)
UNITOBJ  := $(UNITSRC:%.c=$(O)/%.o)
BIN_release := bin/csp
BIN      := $(if $(BIN_$(BUILD)),$(BIN_$(BUILD)),$(O)/csp)

.PHONY: all run test test-loaded unit stress seeds-long bench asan tsan clean deps fuzz
all: $(BIN)

$(O)/.deps:
	@CSP_EXTRA_PKGS="$(DEPS_$(BUILD)) $$CSP_EXTRA_PKGS" sh .ci/deps.sh
	@mkdir -p $(O) && touch $@

$(O)/%.o: %.c | $(O)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

# Depends on the folders too, so adding or removing a package regenerates it.
$(O)/stdlib_src.c: $(STDGO) $(STDSRC) stdlib/embed.sh | $(O)/.deps
	sh stdlib/embed.sh $@

$(O)/stdlib_src.o: $(O)/stdlib_src.c
	$(CC) -std=gnu11 -O0 -I. -c $< -o $@

$(BIN): $(OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $(OBJ) -o $@ $(LDLIBS)

$(O)/unit_tests: $(LIBOBJ) $(UNITOBJ)
	$(CC) $(LDFLAGS) $(LIBOBJ) $(UNITOBJ) -o $@ $(LDLIBS) $(CHECKLIBS)

# The fuzz entries (fuzz/fuzz.h) without libFuzzer: replays the regression
# corpus in `make test`; with -fsanitize=fuzzer, one libFuzzer binary per
# target (BUILD=fuzz, clang).
FUZZOBJ := $(O)/fuzz/entry.o
FUZZ_TARGETS := parse check compile run
$(O)/fuzz_replay: $(LIBOBJ) $(FUZZOBJ) $(O)/fuzz/replay.o
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(O)/fuzz_%: fuzz/target.c $(LIBOBJ) $(FUZZOBJ)
	$(CC) $(CFLAGS) -fsanitize=fuzzer -DFUZZ_TARGET=$* fuzz/target.c \
	    $(LIBOBJ) $(FUZZOBJ) -o $@ $(LDLIBS)

# `make fuzz TARGET=parse|check|compile|run SECS=N`: one target for N
# seconds (default 60) over its corpus in build/fuzz/corpus/TARGET.
fuzz:
	$(MAKE) BUILD=fuzz CC=clang build/fuzz/fuzz_$(TARGET)
	sh fuzz/run.sh $(TARGET) $(or $(SECS),60)

run: $(BIN)
	./$(BIN) examples/showcase.csp

test: $(BIN) $(O)/unit_tests $(O)/fuzz_replay
	sh tests/run.sh $(BIN) $(O)/unit_tests

# `make test` on a busy machine (no flaky tests): two CPU hogs spin and a
# second `make test` runs beside each of LOADED_RUNS runs (tests/loaded.sh).
LOADED_RUNS ?= 3
test-loaded: $(BIN) $(O)/unit_tests $(O)/fuzz_replay
	sh tests/loaded.sh $(LOADED_RUNS) $(BIN) $(O)/unit_tests

unit: $(O)/unit_tests
	./$(O)/unit_tests

stress: $(BIN) $(O)/stress/stress_chan $(O)/stress/stress_park
	sh tests/stress/run.sh $(BUILD)

# The C stress programs (tests/stress/*.c), linked with the whole runtime as
# the unit tests are.
$(O)/stress/%: tests/stress/%.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LIBOBJ) -o $@ $(LDLIBS)

# The seed examples too slow or heavy for `make test` (about 50 s, 1 GiB).
seeds-long: $(BIN)
	sh tests/run_props.sh --long $(BIN)

# Go (the reference, 1.26+) is found by tests/go_find.sh on PATH or in
# /usr/local/go/bin; Debian's golang-go (1.19) is not installed: it would
# shadow it.
bench: $(BIN)
	CSP_EXTRA_PKGS="lua5.4 python3" sh .ci/deps.sh
	sh tests/bench/run.sh $(BIN)

asan:
	$(MAKE) BUILD=asan test

# atexit_sleep_ms=0: exit at once, as Go does when main returns.
tsan:
	TSAN_OPTIONS="atexit_sleep_ms=0 $$TSAN_OPTIONS" $(MAKE) BUILD=tsan test

clean:
	rm -rf build bin

-include $(OBJ:.o=.d) $(UNITOBJ:.o=.d) $(FUZZOBJ:.o=.d)
