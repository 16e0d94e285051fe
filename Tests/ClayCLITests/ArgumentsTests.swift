import Foundation
import Testing

@testable import ClayCLI

@Suite struct ArgumentsTests {
    @Test func parsesCommandOptionsAndPositionals() throws {
        let arguments = try Arguments.parse(["history", "a..b", "--format=json", "--jobs", "3", "--", "-x"])
        #expect(arguments.command == "history")
        #expect(arguments.positional == ["a..b", "-x"])
        #expect(arguments.format == .json)
        #expect(arguments.jobs == 3)
    }

    @Test(arguments: [
        ["staged", "--bogus"], ["staged", "--format", "xml"], ["staged", "--fail-on", "urgent"],
        ["history", "--jobs", "0"], ["staged", "--fix"], ["staged", "--output"],
    ])
    func rejectsBadUsage(words: [String]) {
        #expect(throws: UsageError.self) { try Arguments.parse(words) }
    }

    @Test func usageErrorsExitSixtyFour() {
        #expect(ClayGuardCLI.run(["frobnicate"]) == .usage)
        #expect(ClayGuardCLI.run(["staged", "--nope"]) == .usage)
        #expect(ClayGuardCLI.run(["--help"]) == .clean)
    }

    @Test func helpDocumentsEveryCommandAndExitCode() {
        for command in Commands.table.keys where command != "help" {
            #expect(Help.text.contains(command), "\(command) missing from --help")
        }
        for code in ["0 ", "1 ", "2 ", "64"] { #expect(Help.text.contains("  \(code)")) }
    }
}

@Suite struct ReadmeTests {
    @Test func theReadmeQuotesTheRealHelpText() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(Help.text.trimmingCharacters(in: .newlines)))
    }
}
