import ClayDetect
import ClayGit

/// The commit-msg job: scans the message git is about to record.
public enum MessageScan {
    public static func run(file: String, settings: ScanSettings) throws(ScanError) -> Report {
        let bytes = try readFile(file)
        let repository = try? settings.openRepository()
        let context = try ScanContext.load(settings, repository: repository, fromIndex: true)
        var report = Report(kind: .message)
        let text = strippingComments(bytes)
        let found: [Finding]
        do {
            found = try text.withUnsafeBufferPointer { buffer throws(MatchError) in
                try context.detector.scan(buffer, path: nil)
            }
        } catch {
            throw ScanError.wrap(error)
        }
        let (kept, suppressed) = context.suppressor.apply(found)
        report.suppressed = suppressed
        report.findings = kept.map { context.report($0) }
        report.scannedBytes = bytes.count
        return report
    }

    /// Blanks everything below git's scissors line (`commit -v` puts the staged diff there,
    /// which the pre-commit scan covers, removed lines included), keeping line numbers. `#`
    /// lines are scanned: git keeps them with `-m`, `-F`, `--cleanup=verbatim` or another
    /// `core.commentChar`, and a key in one that git would strip is still worth a look.
    static func strippingComments(_ bytes: [UInt8]) -> [UInt8] {
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
