import ClayDetect
import ClayScan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The scanning commands: staged, history, message, pre-push, baseline.
enum ScanCommands {
    static func staged(_ arguments: Arguments, _ console: Console) throws -> ExitCode {
        try noPositional(arguments)
        let settings = Commands.settings(arguments)
        let report = try StagedScan.run(settings)
        return try Commands.finish(
            report, arguments: arguments, console: console, configuration: report.configuration)
    }

    static func history(_ arguments: Arguments, _ console: Console) throws -> ExitCode {
        let settings = Commands.settings(arguments)
        var options = HistoryScan.Options(
            revisions: arguments.positional, sinceCommit: arguments.sinceCommit, jobs: arguments.jobs)
        options.progress = progressPrinter(console, quiet: arguments.quiet)
        if arguments.verbose {
            options.timing = { line in FileHandleStderr.write("clay-guard: \(line)\n") }
        }
        let result = try HistoryScan.run(settings, options: options)
        if Console.stderrIsTerminal, !arguments.quiet { console.info("") }
        try writeCleanupFiles(result, arguments: arguments, console: console)
        return try Commands.finish(
            result.report, arguments: arguments, console: console, configuration: result.report.configuration)
    }

    static func message(_ arguments: Arguments, _ console: Console) throws -> ExitCode {
        guard arguments.positional.count == 1 else {
            throw UsageError(message: "message takes one FILE (the commit message git passes the hook)")
        }
        let settings = Commands.settings(arguments)
        let report = try MessageScan.run(file: arguments.positional[0], settings: settings)
        return try Commands.finish(report, arguments: arguments, console: console)
    }

    static func prePush(_ arguments: Arguments, _ console: Console) throws -> ExitCode {
        guard arguments.positional.count == 2 else {
            throw UsageError(message: "pre-push takes REMOTE and URL, as git passes them")
        }
        var input: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(0, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                throw ScanError.io(path: "standard input", reason: "git's pre-push lines could not be read")
            }
            if count == 0 { break }
            input += buffer[..<count]
        }
        let updates = try PrePushScan.parse(String(decoding: input, as: UTF8.self))
        let result = try PrePushScan.run(
            updates: updates, remote: arguments.positional.first, settings: Commands.settings(arguments),
            jobs: arguments.jobs)
        return try Commands.finish(result.report, arguments: arguments, console: console)
    }

    static func baseline(_ arguments: Arguments, _ console: Console) throws -> ExitCode {
        try noPositional(arguments)
        let (path, entries) = try BaselineJob.run(
            Commands.settings(arguments), output: arguments.output, jobs: arguments.jobs)
        console.info(
            "clay-guard: wrote \(entries) baseline entr\(entries == 1 ? "y" : "ies") to \(path) "
                + "(salted hashes only; commit it and pass --baseline \(path))")
        return .clean
    }

    private static func writeCleanupFiles(
        _ result: HistoryScan.Result, arguments: Arguments, console: Console
    ) throws {
        if let path = arguments.bfgReplacements {
            let (text, skipped) = CleanupPlan.bfgReplacements(result.secrets)
            try OutputFile.writeSecret(text, to: path)
            console.warning("\(path) holds secrets in plain text (mode 0600); delete it after the BFG run")
            if skipped > 0 { console.warning("\(skipped) secrets contain '==>' and cannot be given to BFG") }
        }
        if let path = arguments.filterRepoReplacements {
            let (text, _) = CleanupPlan.filterRepoReplacements(result.secrets)
            try OutputFile.writeSecret(text, to: path)
            console.warning(
                "\(path) holds secrets in plain text (mode 0600); delete it after git filter-repo")
        }
        if let path = arguments.pathsToDelete {
            try OutputFile.write(result.secretFilePaths.map { $0 + "\n" }.joined(), to: path)
            let names = Set(
                result.secretFilePaths.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
            console.info(
                "clay-guard: wrote \(result.secretFilePaths.count) paths to \(path): "
                    + "git filter-repo --invert-paths --paths-from-file \(path)"
                    + (names.isEmpty
                        ? "" : ", or bfg --delete-files '{\(names.sorted().joined(separator: ","))}'"))
        }
    }

    private static func progressPrinter(_ console: Console, quiet: Bool) -> (
        @Sendable (HistoryScan.Progress) -> Void
    )? {
        guard Console.stderrIsTerminal, !quiet else { return nil }
        return { progress in
            let megabytes = progress.bytes >> 20
            let text =
                "\r\(progress.phase): \(progress.done)/\(progress.total)"
                + (progress.bytes > 0 ? ", \(megabytes) MiB" : "") + "   "
            FileHandleStderr.write(text)
        }
    }

    static func noPositional(_ arguments: Arguments) throws {
        if let extra = arguments.positional.first {
            throw UsageError(message: "unexpected argument '\(extra)' for '\(arguments.command)'")
        }
    }
}

enum FileHandleStderr {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
