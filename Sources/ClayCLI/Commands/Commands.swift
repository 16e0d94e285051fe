import ClayDetect
import ClayScan

/// One entry per command; each lives in its own file.
enum Commands {
    typealias Handler = @Sendable (Arguments, Console) throws -> ExitCode

    static let table: [String: Handler] = [
        "staged": ScanCommands.staged,
        "history": ScanCommands.history,
        "message": ScanCommands.message,
        "pre-push": ScanCommands.prePush,
        "baseline": ScanCommands.baseline,
        "rules": RulesCommand.run,
        "version": { _, console in
            try console.report("clay-guard \(ClayGuardVersion.current)\n")
            return .clean
        },
        "ignore-check": IgnoreCheckCommand.run,
        "install": InstallCommand.run,
        "audit": AuditCommand.run,
    ]

    static func settings(_ arguments: Arguments) -> ScanSettings {
        var settings = ScanSettings(
            repositoryPath: arguments.repository, configPath: arguments.config,
            baselinePath: arguments.baseline)
        settings.jobs = arguments.jobs
        return settings
    }

    /// Renders the report in the chosen format to stdout or `--output`, says the summary on
    /// stderr, and turns the findings into an exit code.
    static func finish(
        _ report: Report, arguments: Arguments, console: Console, configuration: Configuration? = nil
    ) throws -> ExitCode {
        let configuration = configuration ?? report.configuration
        let rules = configuration?.rules() ?? BuiltInRules.all
        let options = ReportOptions(
            showSecrets: arguments.showSecrets, color: console.useColor && arguments.output == nil,
            rules: rules)
        let reporter: any Reporter =
            switch arguments.format {
            case .text: TextReporter(options: options)
            case .json: JSONReporter(options: options)
            case .sarif: SARIFReporter(options: options)
            }
        let rendered = reporter.render(report)
        if let output = arguments.output {
            try OutputFile.write(rendered, to: output)
        } else {
            try console.report(rendered)
        }
        for note in report.notes { console.info("note: \(note)") }
        if let unknown = configuration?.unknownKeys, !unknown.isEmpty {
            console.warning("unknown keys in the configuration, ignored: \(unknown.joined(separator: ", "))")
        }
        if report.staleBaselineEntries > 0 {
            console.warning(
                "\(report.staleBaselineEntries) baseline entries match nothing any more; "
                    + "refresh it with `clay-guard baseline`")
        }
        let level = arguments.failOn ?? configuration?.failOn ?? .medium
        let failing = report.findings.filter { $0.finding.severity >= level }.count
        console.info(summary(report, failing: failing, level: level))
        return failing > 0 ? .findings : .clean
    }

    static func summary(_ report: Report, failing: Int, level: Severity) -> String {
        let what =
            switch report.kind {
            case .staged: "\(report.scannedFiles) staged file\(report.scannedFiles == 1 ? "" : "s")"
            case .message: "the commit message"
            case .history, .range:
                "\(report.scannedCommits) commit\(report.scannedCommits == 1 ? "" : "s"), "
                    + "\(report.scannedFiles) blob\(report.scannedFiles == 1 ? "" : "s")"
            }
        let found = report.findings.count
        var text = "clay-guard: scanned \(what): "
        text +=
            found == 0
            ? "no findings" : "\(found) finding\(found == 1 ? "" : "s") (\(failing) at or above \(level))"
        if report.suppressed > 0 { text += ", \(report.suppressed) suppressed" }
        return text
    }
}
