/// Placeholder until the job lands.
enum AuditCommand {
    static func run(_ arguments: Arguments, _ console: Console) throws -> ExitCode {
        console.error("not implemented yet", hint: nil)
        return .incomplete
    }
}
