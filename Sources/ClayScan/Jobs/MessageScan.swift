import ClayDetect
import ClayGit

/// The commit-msg job: scans the message git is about to record.
public enum MessageScan {
    public static func run(file: String, settings: ScanSettings) throws(ScanError) -> Report {
        let bytes = try readFile(file)
        let repository = try? settings.openRepository()
        let context = try ScanContext.load(settings, repository: repository, fromIndex: true)
        var report = Report(kind: .message)
        report.configuration = context.configuration
        let text = cuttingAtScissors(bytes)
        do {
            report.findings = try scan(text, context: context, report: &report)
            if let repository,
                let committed = try ScanContext.committed(settings, repository: repository, like: context)
            {
                var second = Report(kind: .message)
                second.configuration = committed.configuration
                second.findings = try scan(text, context: committed, report: &second)
                report.merge(second)
            }
        } catch {
            throw ScanError.wrap(error)
        }
        report.scannedBytes = bytes.count
        return report
    }

    private static func scan(
        _ text: [UInt8], context: ScanContext, report: inout Report
    ) throws -> [ReportedFinding] {
        let found = try text.withUnsafeBufferPointer { buffer throws(MatchError) in
            try context.detector.scan(buffer, path: nil)
        }
        let (kept, suppressed) = context.suppressor.apply(found)
        report.suppressed += suppressed
        return kept.map { context.report($0) }
    }

    /// Blanks everything below git's scissors line (`commit -v` puts the staged diff there,
    /// which the pre-commit scan covers, removed lines included), keeping line numbers. `#`
    /// lines are scanned: git keeps them with `-m`, `-F`, `--cleanup=verbatim` or another
    /// `core.commentChar`, and a key in one that git would strip is still worth a look.
    static func cuttingAtScissors(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var cut = false
        for line in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            let text = String(decoding: line, as: UTF8.self)
            if text.count > 2,
                text.dropFirst(2).hasPrefix("------------------------ >8 ------------------------")
            {
                cut = true
            }
            if !cut { result += line }
            result.append(10)
        }
        return result
    }
}
