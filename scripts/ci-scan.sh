#!/bin/sh
# Scans the commits a CI run is about (a push or a pull/merge request) for Clay credentials and
# writes SARIF for code scanning.
#
#   scripts/ci-scan.sh [--base REV] [--head REV] [--output FILE] [--no-fetch] [-- OPTIONS...]
#
# What to scan: --base REV (with --head, default HEAD) anywhere; else, in GitHub Actions, the
# push's before..after (everything up to `after` on a first push, whose `before` is all zeros) or
# the pull request's base..head; in GitLab CI, the merge request's diff base..CI_COMMIT_SHA, or
# CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA (everything on a first push); elsewhere, the whole history.
# A shallow clone is deepened as far as the range needs. OPTIONS go to `clay-guard history`
# (for example --fail-on high or --baseline FILE).
#
# Exit codes: 0 nothing found, 1 findings, 2 the scan could not complete (never read as clean).
# The binary is $CLAY_GUARD, else clay-guard on PATH, else .build/release/clay-guard here.
set -u

zeros=0000000000000000000000000000000000000000
base=""
head=""
output=${CLAY_GUARD_SARIF:-clay-guard.sarif}
fetch=yes
base_given=no

say() { printf 'clay-guard ci-scan: %s\n' "$*" >&2; }
incomplete() {
    say "$1"
    [ $# -lt 2 ] || printf '  %s\n' "$2" >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case $1 in
        --base)
            [ $# -ge 2 ] || incomplete "--base needs a revision"
            base=$2 base_given=yes
            shift 2
            ;;
        --head) [ $# -ge 2 ] || incomplete "--head needs a revision"; head=$2; shift 2 ;;
        --output) [ $# -ge 2 ] || incomplete "--output needs a file"; output=$2; shift 2 ;;
        --no-fetch) fetch=no; shift ;;
        --) shift; break ;;
        -h | --help) sed -n '2,16s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) incomplete "unknown argument '$1'" "see scripts/ci-scan.sh --help" ;;
    esac
done

here=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${CLAY_GUARD:-}" ]; then
    clay_guard=$CLAY_GUARD
elif command -v clay-guard >/dev/null 2>&1; then
    clay_guard=clay-guard
elif [ -x "$here/.build/release/clay-guard" ]; then
    clay_guard=$here/.build/release/clay-guard
else
    incomplete "clay-guard was not found" "build it with scripts/setup.sh, or set CLAY_GUARD"
fi

git rev-parse --git-dir >/dev/null 2>&1 || incomplete "not inside a git repository: $(pwd)"

# Reads one value (a dotted path such as pull_request.base.sha) from the event's JSON: python3
# where there is one (GitHub's runners have it), else jq, else a sed match on the key alone.
json_value() {
    if command -v python3 >/dev/null 2>&1; then
        python3 - "$1" "$2" <<'PYTHON'
import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2].split("."):
    value = value.get(key) if isinstance(value, dict) else None
print(value if isinstance(value, str) else "")
PYTHON
    elif command -v jq >/dev/null 2>&1; then
        jq -r ".$2 // empty" "$1"
    else
        key=${2##*.}
        sed -n "s/.*\"$key\"[[:space:]]*:[[:space:]]*\"\\([0-9a-f]\\{40\\}\\)\".*/\\1/p" "$1" | head -n 1
    fi
}

deepen_hint="fetch the whole history: actions/checkout with fetch-depth: 0, GIT_DEPTH: 0 in \
GitLab CI, or git fetch --unshallow"
is_zero() { [ -z "${1:-}" ] || [ "$1" = "$zeros" ]; }
# whole: everything up to head; range: base..head; none: nothing (a deleted branch).
mode=range
if [ -n "$base" ]; then
    : "${head:=HEAD}"
    is_zero "$base" && mode=whole
elif [ "${GITHUB_ACTIONS:-}" = true ] && [ -r "${GITHUB_EVENT_PATH:-}" ]; then
    case ${GITHUB_EVENT_NAME:-} in
        push)
            base=$(json_value "$GITHUB_EVENT_PATH" before)
            head=$(json_value "$GITHUB_EVENT_PATH" after)
            if is_zero "$head"; then
                mode=none
            elif is_zero "$base"; then
                mode=whole
                say "first push of this branch: scanning every commit up to $head"
            fi
            ;;
        pull_request | pull_request_target | merge_group)
            base=$(json_value "$GITHUB_EVENT_PATH" pull_request.base.sha)
            head=$(json_value "$GITHUB_EVENT_PATH" pull_request.head.sha)
            if [ "$GITHUB_EVENT_NAME" = merge_group ]; then
                base=$(json_value "$GITHUB_EVENT_PATH" merge_group.base_sha)
                head=$(json_value "$GITHUB_EVENT_PATH" merge_group.head_sha)
            fi
            if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
                base=origin/$GITHUB_BASE_REF
                [ "$fetch" = no ] || git fetch -q --no-tags origin "$GITHUB_BASE_REF" 2>/dev/null
            fi
            # The checkout is GitHub's synthetic merge commit; head.sha is its second parent.
            if [ -z "$head" ] || ! git cat-file -e "$head^{commit}" 2>/dev/null; then
                head=HEAD
            fi
            [ -n "$base" ] || incomplete "the pull request event names no base commit"
            ;;
        *)
            mode=whole
            head=${GITHUB_SHA:-HEAD}
            say "event ${GITHUB_EVENT_NAME:-unknown}: scanning every commit up to $head"
            ;;
    esac
elif [ "${GITLAB_CI:-}" = true ]; then
    head=${CI_COMMIT_SHA:-HEAD}
    if [ -n "${CI_MERGE_REQUEST_DIFF_BASE_SHA:-}" ]; then
        base=$CI_MERGE_REQUEST_DIFF_BASE_SHA
    elif ! is_zero "${CI_COMMIT_BEFORE_SHA:-}"; then
        base=$CI_COMMIT_BEFORE_SHA
    else
        mode=whole
        say "first push of this branch (or no before SHA): scanning every commit up to $head"
    fi
else
    mode=whole
    head=${head:-HEAD}
    say "no CI event and no --base: scanning every commit up to $head"
fi

is_shallow() { [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = true ]; }
has_commit() { git cat-file -e "$1^{commit}" 2>/dev/null; }
# The range is complete when both ends are here and their merge base is reachable from both.
range_ready() { has_commit "$base" && has_commit "$head" && git merge-base "$base" "$head" >/dev/null 2>&1; }
fetch_more() {
    [ "$fetch" = yes ] || return 1
    say "$1"
    shift
    git fetch -q --no-tags "$@" origin 2>/dev/null
}

if [ "$mode" = range ] && ! has_commit "$base"; then
    # A force push's old tip, or a base this clone never fetched: ask for it by id.
    fetch_more "fetching $base" "$base" || true
    if ! has_commit "$base" && [ "$base_given" = yes ] && ! is_shallow; then
        incomplete "unknown revision '$base'" \
            "check it with git rev-parse; for a remote branch, fetch it first (git fetch origin ${base#origin/}); $deepen_hint"
    elif ! has_commit "$base" && ! is_shallow; then
        say "$base is not in this clone (a force push?): scanning every commit up to $head"
        mode=whole
    fi
fi
if is_shallow && [ "$mode" = range ]; then
    depth=64
    while ! range_ready && [ "$depth" -le 1024 ]; do
        fetch_more "shallow clone: deepening by $depth commits" --deepen="$depth" || break
        depth=$((depth * 4))
    done
    if ! range_ready && is_shallow; then
        fetch_more "shallow clone: fetching the whole history" --unshallow || true
    fi
    range_ready || incomplete "this shallow clone does not hold $base..$head" "$deepen_hint"
fi
if is_shallow && [ "$mode" = whole ]; then
    fetch_more "shallow clone: fetching the whole history" --unshallow || true
    ! is_shallow || incomplete "this shallow clone does not hold every commit up to $head" \
        "$deepen_hint"
fi

case $mode in
    range) range="$base..$head" ;;
    whole) range="$zeros..$head" ;;
    none) say "the branch was deleted: nothing to scan"; range="HEAD..HEAD" ;;
esac

say "clay-guard history $range"
"$clay_guard" history "$range" --format sarif --output "$output" "$@"
status=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "sarif=$output" >>"$GITHUB_OUTPUT"
fi
case $status in
    0) exit 0 ;;
    1)
        # The SARIF goes to code scanning; the log shows the findings too, redacted.
        "$clay_guard" history "$range" --format text --quiet "$@" >&2
        say "findings above; SARIF in $output"
        exit 1
        ;;
    *) incomplete "the scan could not complete (clay-guard exit $status); see the error above" ;;
esac
