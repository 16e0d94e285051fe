import ClayDetect
import FoundationEssentials

/// `{"findings": [...], "summary": {...}}`, as DESIGN.md describes.
public struct JSONReporter: Reporter {
    public let options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    struct Document: Encodable {
        var findings: [Item]
        var summary: Summary
    }

    struct Item: Encodable {
        var rule: String
        var severity: String
        var description: String
        var path: String?
        var line: Int
        var column: Int
        var redacted: String
        var fingerprint: String
        var commit: String?
        var author: String?
        var date: String?
        var inHead: Bool?
        var commits: [String]?
        var paths: [String]?
        var atShallowBoundary: Bool?
        var secret: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(description, forKey: .description)
            try container.encode(path, forKey: .path)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(redacted, forKey: .redacted)
            try container.encode(fingerprint, forKey: .fingerprint)
            try container.encodeIfPresent(commit, forKey: .commit)
            try container.encodeIfPresent(author, forKey: .author)
            try container.encodeIfPresent(date, forKey: .date)
            try container.encodeIfPresent(inHead, forKey: .inHead)
            try container.encodeIfPresent(commits, forKey: .commits)
            try container.encodeIfPresent(paths, forKey: .paths)
            try container.encodeIfPresent(atShallowBoundary, forKey: .atShallowBoundary)
            try container.encodeIfPresent(secret, forKey: .secret)
        }

        enum CodingKeys: String, CodingKey {
            case rule, severity, description, path, line, column, redacted, fingerprint, commit
            case author, date, inHead, commits, paths, atShallowBoundary, secret
        }
    }

    struct Summary: Encodable {
        var kind: String
        var findings: Int
        var high: Int
        var medium: Int
        var low: Int
        var suppressed: Int
        var staleBaselineEntries: Int
        var files: Int
        var commits: Int
        var bytes: Int
        var shallow: Bool
        var notes: [String]
    }

    public func render(_ report: Report) -> String {
        let items = report.findings.map { reported -> Item in
            let finding = reported.finding
            let history = reported.provenance
            return Item(
                rule: finding.rule, severity: finding.severity.description,
                description: reported.description, path: finding.path, line: finding.line,
                column: finding.column, redacted: finding.redacted, fingerprint: finding.fingerprint,
                commit: history?.commit, author: history?.author, date: history?.date,
                inHead: history?.inHead, commits: history?.commits, paths: history?.paths,
                atShallowBoundary: history.map(\.atShallowBoundary),
                secret: options.showSecrets ? finding.secret : nil)
        }
        let count = { (level: Severity) in report.findings.filter { $0.finding.severity == level }.count }
        let summary = Summary(
            kind: report.kind.rawValue, findings: items.count, high: count(.high),
            medium: count(.medium), low: count(.low), suppressed: report.suppressed,
            staleBaselineEntries: report.staleBaselineEntries, files: report.scannedFiles,
            commits: report.scannedCommits, bytes: report.scannedBytes, shallow: report.shallow,
            notes: report.notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(findings: items, summary: summary))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
