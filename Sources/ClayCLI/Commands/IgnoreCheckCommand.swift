import ClayScan

/// `clay-guard ignore-check [--fix]`: the ignore audit.
enum IgnoreCheckCommand {
    static func run(_ arguments: Arguments, _ console: Console) throws -> ExitCode {
        if arguments.format == .sarif {
            throw UsageError(message: "ignore-check writes text or json, not sarif")
        }
        let result = try IgnoreAudit.run(Commands.settings(arguments), fix: arguments.fix)
        let rendered =
            arguments.format == .json
            ? IgnoreAuditReport.json(result)
            : IgnoreAuditReport.text(result, color: console.useColor && arguments.output == nil)
        if let output = arguments.output {
            try OutputFile.write(rendered, to: output)
        } else {
            try console.report(rendered)
        }
        for note in result.notes { console.info("note: \(note)") }
        console.info(IgnoreAuditReport.summary(result))
        return result.passed ? .clean : .findings
    }
}
