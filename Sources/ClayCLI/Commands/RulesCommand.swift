import ClayDetect
import ClayScan

/// `clay-guard rules`: id, severity, description; `--verbose` adds each rule's examples.
enum RulesCommand {
    static func run(_ arguments: Arguments, _ console: Console) throws -> ExitCode {
        let settings = Commands.settings(arguments)
        let repository = try? settings.openRepository()
        let configuration = try ScanContext.loadConfiguration(
            settings, repository: repository, fromIndex: false)
        var text = ""
        for rule in configuration.rules() {
            let id = rule.id.padding(to: 28)
            text += "\(id) \(rule.severity.description.padding(to: 7)) \(rule.description)\n"
            if arguments.verbose {
                for example in rule.examples { text += "    reports:     \(example)\n" }
                for example in rule.counterExamples { text += "    leaves out:  \(example)\n" }
            }
        }
        try console.report(text)
        return .clean
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
