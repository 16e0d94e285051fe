#!/bin/sh
# Installs clay-guard's git hooks in the repository around the current directory, for users who
# do not have clay-guard on PATH yet: finds or builds the binary in this source tree, then runs
# `clay-guard install` with the same arguments (for example --hooks pre-commit,commit-msg).
set -eu
source_root=$(cd "$(dirname "$0")/.." && pwd)
built="$source_root/.build/release/clay-guard"
if command -v clay-guard >/dev/null 2>&1; then
    clay_guard=$(command -v clay-guard)
elif [ -x "$built" ]; then
    clay_guard=$built
else
    echo "clay-guard: building $built (once)" >&2
    if [ -x "$source_root/scripts/setup.sh" ]; then
        "$source_root/scripts/setup.sh"
    else
        swift build -c release --package-path "$source_root"
    fi
    clay_guard=$built
fi
if [ ! -x "$clay_guard" ]; then
    echo "clay-guard: $clay_guard was not built; run scripts/setup.sh in $source_root" >&2
    exit 2
fi
# The hook records this absolute path as its fallback, so it works without clay-guard on PATH.
exec "$clay_guard" install "$@"
