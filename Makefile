# The two commands of the README: `make run` and `make test`. Each installs what is missing
# (scripts/setup) and builds first.
BUILD ?= build
SAMPLE ?= samples/feature-pdf-dump.txt
JOBS ?= $(shell nproc)

.PHONY: all setup configure build run test bench format clean

all: build

setup:
	@scripts/setup

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHANTIDY_WERROR=ON

configure: setup $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/hantidy $(SAMPLE)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: setup
	bench/run

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD)
