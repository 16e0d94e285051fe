import ClayScan

/// `clay-guard audit`: the checklist; exit 1 when an item fails, 2 when one could not be checked.
enum AuditCommand {
    static func run(_ arguments: Arguments, _ console: Console) throws -> ExitCode {
        try ScanCommands.noPositional(arguments)
        let options = SecurityAudit.Options(
            skipHistory: arguments.skipHistory, jobs: arguments.jobs, failOn: arguments.failOn ?? .medium)
        let result = try SecurityAudit.run(Commands.settings(arguments), options: options)
        let rendered =
            arguments.format == .json
            ? AuditReport.json(result)
            : AuditReport.text(result, color: console.useColor && arguments.output == nil)
        if arguments.format == .sarif {
            throw UsageError(message: "audit writes text or json, not sarif")
        }
        if let output = arguments.output {
            try OutputFile.write(rendered, to: output)
        } else {
            try console.report(rendered)
        }
        if result.incomplete { return .incomplete }
        return result.failed ? .findings : .clean
    }
}
