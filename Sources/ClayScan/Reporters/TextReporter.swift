import ClayDetect

/// The human report: `path:line:column`, severity, rule, the redacted value, and what to do.
public struct TextReporter: Reporter {
    public let options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        guard !report.findings.isEmpty else { return "" }
        var text = ""
        for reported in report.findings {
            text += line(for: reported) + "\n"
            if let history = reported.provenance { text += historyLines(history) }
        }
        text += "\n" + advice(for: report)
        return text
    }

    private func line(for reported: ReportedFinding) -> String {
        let finding = reported.finding
        let location =
            finding.path.map { "\($0):\(finding.line):\(finding.column)" }
            ?? "commit message:\(finding.line):\(finding.column)"
        let severity = paint(finding.severity)
        var text = "\(location): \(severity): \(finding.rule): \(finding.redacted)  (\(reported.description))"
        if options.showSecrets { text += "\n    secret: \(finding.secret)" }
        return text
    }

    private func historyLines(_ history: Provenance) -> String {
        var text = "    introduced in \(history.commit.prefix(12)) by \(history.author) on \(history.date)"
        if history.atShallowBoundary {
            text += " (the shallow clone's boundary: introduced there or earlier)"
        }
        text += "\n"
        let otherCommits = history.commits.count - 1, otherPaths = history.paths.count - 1
        if otherCommits > 0 || otherPaths > 0 {
            text +=
                "    also in \(otherCommits) more commit\(otherCommits == 1 ? "" : "s")"
                + " and \(otherPaths) more path\(otherPaths == 1 ? "" : "s")"
                + (history.paths.count > 1
                    ? ": " + history.paths.dropFirst().prefix(5).joined(separator: ", ") : "")
                + "\n"
        }
        text += history.inHead ? "    HEAD still holds it\n" : "    HEAD no longer holds it\n"
        return text
    }

    private func advice(for report: Report) -> String {
        switch report.kind {
        case .staged:
            """
            What to do:
              1. Unstage the file (git restore --staged -- \(stagedPaths(report))) and move the
                 value to the environment or a secrets manager; commit a placeholder instead.
              2. If the value was ever pushed or shared, rotate it in Clay or the provider first.
              3. A false alarm? Add `clay-guard:allow` in a comment on that line, or allow the
                 value in .clay-guard.json. `git commit --no-verify` skips the check knowingly.

            """
        case .message:
            """
            What to do: take the value out of the commit message (git commit --amend, or edit the
            message in the editor) and rotate it if it was ever pushed.

            """
        case .history, .range:
            CleanupPlan.text(for: report)
        }
    }

    /// The paths to unstage, quoted for a POSIX shell.
    private func stagedPaths(_ report: Report) -> String {
        var seen = Set<String>()
        let paths = report.findings.compactMap(\.finding.path).filter { seen.insert($0).inserted }
        return paths.prefix(5).map {
            "'"
                + $0.split(separator: "'", omittingEmptySubsequences: false)
                .joined(separator: "'\\''") + "'"
        }.joined(separator: " ") + (paths.count > 5 ? " ..." : "")
    }

    private func paint(_ severity: Severity) -> String {
        guard options.color else { return severity.description }
        let code = severity == .high ? 31 : (severity == .medium ? 33 : 36)
        return "\u{1B}[\(code)m\(severity)\u{1B}[0m"
    }
}
