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
            finding.path.map { "\(Self.displayed($0)):\(finding.line):\(finding.column)" }
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
        var spread: [String] = []
        if otherCommits > 0 { spread.append("\(otherCommits) more commit\(otherCommits == 1 ? "" : "s")") }
        if otherPaths > 0 {
            spread.append(
                "\(otherPaths) more path\(otherPaths == 1 ? "" : "s"): "
                    + history.paths.dropFirst().prefix(5).map(Self.displayed).joined(separator: ", "))
        }
        if !spread.isEmpty { text += "    also in " + spread.joined(separator: " and ") + "\n" }
        text += history.inHead ? "    HEAD still holds it\n" : "    HEAD no longer holds it\n"
        return text
    }

    private func advice(for report: Report) -> String {
        switch report.kind {
        case .staged:
            """
            What to do:
              1. Take the value out of the file and move it to the environment or a secrets
                 manager; commit a placeholder instead (to keep the file out of this commit:
                 git restore --staged -- \(stagedPaths(report))).
              2. If the value was ever pushed or shared, rotate it in Clay or the provider first.
              3. A false alarm? Add `clay-guard:allow` in a comment on that line, or allow the
                 value in .clay-guard.json. `git commit --no-verify` skips the check knowingly.

            """
        case .message:
            """
            What to do: take the value out of the commit message (git commit --amend, or edit the
            message in the editor) and rotate it if it was ever pushed.

            """
        case .range:
            """
            What to do: these commits are not on the remote yet, so no history rewrite is
            needed. Take the values out of them (git commit --amend for the last commit,
            git rebase -i for older ones), move them to the environment or a secrets manager,
            and push again. Rotate any value that was shared some other way.

            """
        case .history:
            CleanupPlan.text(for: report)
        }
    }

    /// A path as it can be shown on a terminal: control characters written as escapes, so a
    /// file name cannot move the cursor, colour the screen or fake a report line.
    static func displayed(_ path: String) -> String {
        var text = ""
        for scalar in path.unicodeScalars {
            switch scalar.value {
            case 0x0A: text += "\\n"
            case 0x09: text += "\\t"
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                text += "\\x" + String(scalar.value, radix: 16, uppercase: true)
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// The paths to unstage, quoted for a POSIX shell.
    private func stagedPaths(_ report: Report) -> String {
        var seen = Set<String>()
        let paths = report.findings.compactMap(\.finding.path).filter { seen.insert($0).inserted }
        return paths.prefix(5).map(Self.displayed).map {
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
