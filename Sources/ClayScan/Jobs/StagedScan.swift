import ClayDetect
import ClayGit

/// The pre-commit job: scans the lines the index adds relative to HEAD, reading blobs from the
/// index, never files from the work tree.
public enum StagedScan {
    public static func run(_ settings: ScanSettings) throws(ScanError) -> Report {
        let repository = try settings.openRepository()
        if repository.isBare { throw .git(.bareRepository) }
        let context = try ScanContext.load(settings, repository: repository, fromIndex: true)
        var report = Report(kind: .staged)
        report.configuration = context.configuration
        do {
            let changes = try repository.stagedChanges()
            for change in changes {
                try scan(change, in: repository, context: context, into: &report)
            }
            if let committed = try ScanContext.committed(settings, repository: repository, like: context) {
                var second = Report(kind: .staged)
                second.configuration = committed.configuration
                for change in changes {
                    try scan(change, in: repository, context: committed, into: &second)
                }
                report.merge(second)
                report.notes.append(
                    "this commit changes \(Configuration.fileName): scanned with the committed "
                        + "settings as well as the staged ones")
            }
        } catch {
            throw ScanError.wrap(error)
        }
        if report.skippedPaths > 0 {
            report.notes.append("\(report.skippedPaths) staged path(s) skipped by skipPaths")
        }
        return report
    }

    private static func scan(
        _ change: StagedChange, in repository: Repository, context: ScanContext,
        into report: inout Report
    ) throws {
        if change.kind == .submodule {
            report.notes.append("\(change.path): submodule entry skipped (scan the submodule on its own)")
            return
        }
        if context.configuration.skips(change.path) {
            report.skippedPaths += 1
            return
        }
        var found: [Finding] = []
        if let pathFinding = context.detector.scanPath(change.path) { found.append(pathFinding) }
        let (content, size, isUTF16) = try repository.withObject(change.newBlob) { _, bytes in
            (try context.detector.scan(bytes, path: change.path), bytes.count, Detector.readsAsUTF16(bytes))
        }
        report.scannedFiles += 1
        report.scannedBytes += size
        if !content.isEmpty {
            if let old = change.oldBlob, isUTF16 {
                // git's line diff runs on the raw bytes, whose line breaks are not the decoded
                // text's (U+4E0A is stored as 0A 4E): a secret counts as added when the committed
                // version did not hold it.
                let before = try repository.withObject(old) { _, bytes in
                    Set(try context.detector.scan(bytes, path: change.path).map(\.identity))
                }
                found += content.filter { !before.contains($0.identity) }
            } else if let old = change.oldBlob {
                let added = try repository.addedLines(old: old, new: change.newBlob)
                found += content.filter { finding in added.contains { $0.contains(finding.line) } }
            } else {
                found += content
            }
        }
        let (kept, suppressed) = context.suppressor.apply(found)
        report.suppressed += suppressed
        report.findings += kept.map { context.report($0) }
    }
}
