#!/usr/bin/env bash
# Runs the whole test suite: unit tests, end-to-end tests of the built binary, the pre-commit
# framework test and shellcheck. Installs what the tests need first.
set -euo pipefail

cd "$(dirname "$0")/.."
./scripts/setup.sh
if ! command -v shellcheck >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null; } ||
        echo "test: shellcheck not installed; its test is skipped" >&2
fi
if ! command -v pre-commit >/dev/null 2>&1; then
    python3 -m pip install --quiet pre-commit >&2 ||
        echo "test: pre-commit not installed; its test is skipped" >&2
fi
swift build
if swift format --version >/dev/null 2>&1; then
    swift format lint --strict --recursive Sources Tests Package.swift
fi
swift test "$@"
