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
        let found = text.withUnsafeBufferPointer { context.detector.scan($0, path: nil) }
        let (kept, suppressed) = context.suppressor.apply(found)
        report.suppressed = suppressed
        report.findings = kept.map { context.report($0) }
        report.scannedBytes = bytes.count
        return report
    }

    /// Drops the `#` lines git strips from the message and everything below the scissors line,
    /// keeping line numbers: a stripped line becomes empty.
    static func strippingComments(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var cut = false
        for line in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            if String(decoding: line, as: UTF8.self).hasPrefix("# ------------------------ >8") {
                cut = true
            }
            if !cut, line.first != 35 { result += line }
            result.append(10)
        }
        return result
    }
}
