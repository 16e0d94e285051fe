import ClayDetect
import ClayGit

/// Records today's findings of a full history sweep (and of the index) as a baseline.
public enum BaselineJob {
    public static let defaultPath = ".clay-guard-baseline.json"

    public static func run(
        _ settings: ScanSettings, output: String?, jobs: Int
    ) throws(ScanError) -> (path: String, entries: Int) {
        var unbaselined = settings
        unbaselined.baselinePath = nil
        let result = try HistoryScan.run(unbaselined, options: HistoryScan.Options(jobs: jobs))
        var findings = result.report.findings.map(\.finding)
        if let staged = try? StagedScan.run(unbaselined) {
            findings += staged.findings.map(\.finding)
        }
        let baseline = Baseline(findings: findings)
        let repository = try settings.openRepository()
        let path = output ?? ((repository.workDirectory ?? repository.gitDirectory) + defaultPath)
        try writeFile(path, baseline.encoded())
        return (path, baseline.hashes.count)
    }
}
