/// The `--help` text; the README quotes it whole.
public enum Help {
    public static let text = """
        clay-guard: keeps Clay credentials out of git repositories.

        USAGE: clay-guard <command> [options]

        COMMANDS:
          staged                  scan the lines the index adds (the pre-commit hook)
          history [RANGE...]      sweep every ref, or the given ranges (A..B, ^A B, REV)
          message FILE            scan a commit message (the commit-msg hook)
          pre-push REMOTE URL     scan the commits being pushed (git's lines on stdin)
          ignore-check [--fix]    prove .env, .env.local, .env.*.local and *.key are ignored
                                  by a shared (committed or staged) rule and none is
                                  tracked; --fix adds the
                                  missing patterns to .gitignore and stages it
          install [--uninstall]   install or remove the hooks where git looks for them
                                  (--hooks pre-commit,commit-msg,pre-push; default pre-commit);
                                  an existing hook is kept and runs first
          baseline [--output F]   record today's findings so later scans leave them out
          audit [--skip-history]  the Clay security checklist in one command
          rules [--verbose]       list the rules: id, severity, description
          version                 print the version

        OPTIONS:
          --repo PATH             the repository (default: the one around the current directory)
          --format text|json|sarif
          --output FILE           write the report to FILE instead of stdout
          --config FILE           settings (default: .clay-guard.json in the repository)
          --fail-on high|medium|low
                                  the lowest severity that fails (default: medium)
          --baseline FILE         leave out the findings recorded in FILE
          --show-secrets          print whole secrets (never done otherwise)
          --quiet, --verbose, --no-color
          history: --jobs N, --since-commit REV, --bfg-replacements FILE,
                   --filter-repo-replacements FILE, --paths-to-delete FILE
          audit:   --skip-history

        EXIT CODES:
          0   the scan completed and found nothing at or above the --fail-on level
          1   findings at or above the --fail-on level
          2   the scan could not complete (not a repository, unreadable object, bad config);
              install refuses when Husky or the pre-commit framework owns the hook
          64  usage error: unknown command or option, bad value

        """
}
