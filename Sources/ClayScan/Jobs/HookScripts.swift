/// The hook scripts that `clay-guard install` writes, embedded so the binary works without its
/// source tree. They are copies of the files in hooks/, which a test keeps equal.
public enum HookScripts {
    /// Stands for the absolute path of the installing binary, the hook's fallback when
    /// clay-guard is not on PATH.
    public static let pathPlaceholder = "@CLAY_GUARD_PATH@"

    /// The script for `hook`, with the placeholder still in it.
    public static func template(for hook: HookKind) -> String {
        switch hook {
        case .preCommit: preCommit
        case .commitMessage: commitMessage
        case .prePush: prePush
        }
    }

    /// The script for `hook` with `executable` recorded as the fallback, quoted for sh.
    public static func script(for hook: HookKind, executable: String?) -> String {
        let quoted = (executable ?? "").replacing("'", with: "'\\''")
        return template(for: hook).replacing(pathPlaceholder, with: quoted)
    }

    /// The text of hooks/pre-commit.
    static let preCommit = #"""
        #!/bin/sh
        # clay-guard pre-commit hook: blocks a commit that stages a Clay credential.
        # Written by `clay-guard install`; `clay-guard install --uninstall` puts back what was here before.
        # clay-guard-hook: pre-commit
        #
        # It fails closed: if clay-guard cannot be found or cannot finish its check, the commit stops.
        # git runs `commit -a` and `commit PATH` with a temporary index named in GIT_INDEX_FILE, which
        # clay-guard reads; so this hook must not touch git's environment.

        # An earlier pre-commit hook, kept by the installer, runs first; its failure blocks the commit.
        previous="$(dirname "$0")/pre-commit.before-clay-guard"
        if [ -x "$previous" ]; then
            "$previous" "$@" || exit $?
        fi

        # clay-guard on PATH wins; the path recorded at install time is the fallback.
        recorded='@CLAY_GUARD_PATH@'
        if command -v clay-guard >/dev/null 2>&1; then
            clay_guard=clay-guard
        elif [ -x "$recorded" ]; then
            clay_guard=$recorded
        else
            cat >&2 <<'MESSAGE'
        clay-guard: this commit is blocked because clay-guard was not found, so staged files could not
        be checked for Clay credentials.
          Install it: build it from its source with scripts/setup.sh (or `swift build -c release`) and
          put .build/release/clay-guard on PATH, or run scripts/install-hooks.sh there again.
          To commit without the check, knowingly: git commit --no-verify
        MESSAGE
            exit 1
        fi

        "$clay_guard" staged
        status=$?
        if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
            cat >&2 <<MESSAGE
        clay-guard: this commit is blocked because the check could not complete (exit $status).
          Fix the error above, or reinstall clay-guard (scripts/setup.sh in its source).
          To commit without the check, knowingly: git commit --no-verify
        MESSAGE
        fi
        exit "$status"

        """#

    /// The text of hooks/commit-msg.
    static let commitMessage = #"""
        #!/bin/sh
        # clay-guard commit-msg hook: blocks a commit whose message holds a Clay credential.
        # Written by `clay-guard install --hooks commit-msg`; `clay-guard install --uninstall --hooks
        # commit-msg` puts back what was here before.
        # clay-guard-hook: commit-msg
        #
        # It fails closed: if clay-guard cannot be found or cannot finish its check, the commit stops.

        # An earlier commit-msg hook, kept by the installer, runs first; its failure blocks the commit.
        previous="$(dirname "$0")/commit-msg.before-clay-guard"
        if [ -x "$previous" ]; then
            "$previous" "$@" || exit $?
        fi

        # clay-guard on PATH wins; the path recorded at install time is the fallback.
        recorded='@CLAY_GUARD_PATH@'
        if command -v clay-guard >/dev/null 2>&1; then
            clay_guard=clay-guard
        elif [ -x "$recorded" ]; then
            clay_guard=$recorded
        else
            cat >&2 <<'MESSAGE'
        clay-guard: this commit is blocked because clay-guard was not found, so the commit message could
        not be checked for Clay credentials.
          Install it: build it from its source with scripts/setup.sh (or `swift build -c release`) and
          put .build/release/clay-guard on PATH, or run scripts/install-hooks.sh there again.
          To commit without the check, knowingly: git commit --no-verify
        MESSAGE
            exit 1
        fi

        "$clay_guard" message "$1"
        status=$?
        if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
            cat >&2 <<MESSAGE
        clay-guard: this commit is blocked because the check could not complete (exit $status).
          Fix the error above, or reinstall clay-guard (scripts/setup.sh in its source).
          To commit without the check, knowingly: git commit --no-verify
        MESSAGE
        fi
        exit "$status"

        """#

    /// The text of hooks/pre-push.
    static let prePush = #"""
        #!/bin/sh
        # clay-guard pre-push hook: blocks a push whose new commits hold a Clay credential.
        # Written by `clay-guard install --hooks pre-push`; `clay-guard install --uninstall --hooks
        # pre-push` puts back what was here before.
        # clay-guard-hook: pre-push
        #
        # It fails closed: if clay-guard cannot be found or cannot finish its check, the push stops.

        # git writes one line per ref on stdin; both the earlier hook and clay-guard need all of them.
        updates=$(cat)
        feed() {
            if [ -n "$updates" ]; then printf '%s\n' "$updates"; fi
        }

        # An earlier pre-push hook, kept by the installer, runs first; its failure blocks the push.
        previous="$(dirname "$0")/pre-push.before-clay-guard"
        if [ -x "$previous" ]; then
            feed | "$previous" "$@" || exit $?
        fi

        # clay-guard on PATH wins; the path recorded at install time is the fallback.
        recorded='@CLAY_GUARD_PATH@'
        if command -v clay-guard >/dev/null 2>&1; then
            clay_guard=clay-guard
        elif [ -x "$recorded" ]; then
            clay_guard=$recorded
        else
            cat >&2 <<'MESSAGE'
        clay-guard: this push is blocked because clay-guard was not found, so the pushed commits could
        not be checked for Clay credentials.
          Install it: build it from its source with scripts/setup.sh (or `swift build -c release`) and
          put .build/release/clay-guard on PATH, or run scripts/install-hooks.sh there again.
          To push without the check, knowingly: git push --no-verify
        MESSAGE
            exit 1
        fi

        feed | "$clay_guard" pre-push "$@"
        status=$?
        if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
            cat >&2 <<MESSAGE
        clay-guard: this push is blocked because the check could not complete (exit $status).
          Fix the error above, or reinstall clay-guard (scripts/setup.sh in its source).
          To push without the check, knowingly: git push --no-verify
        MESSAGE
        fi
        exit "$status"

        """#
}
