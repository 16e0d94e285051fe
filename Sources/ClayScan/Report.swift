import ClayDetect

/// Where in history a finding lives: the commit that introduced it and how far it spread.
public struct Provenance: Sendable, Equatable {
    public var commit: String
    public var author: String
    /// ISO 8601 author date.
    public var date: String
    public var inHead: Bool
    /// Every commit and path that introduced the same secret, the first included.
    public var commits: [String]
    public var paths: [String]
    /// True when the commit is a shallow clone's boundary: introduced there or earlier.
    public var atShallowBoundary: Bool

    public init(
        commit: String, author: String, date: String, inHead: Bool, commits: [String],
        paths: [String], atShallowBoundary: Bool
    ) {
        self.commit = commit
        self.author = author
        self.date = date
        self.inHead = inHead
        self.commits = commits
        self.paths = paths
        self.atShallowBoundary = atShallowBoundary
    }
}

/// A finding as reported: what detection saw, plus history where there is any.
public struct ReportedFinding: Sendable, Equatable {
    public var finding: Finding
    public var description: String
    public var provenance: Provenance?

    public init(finding: Finding, description: String, provenance: Provenance? = nil) {
        self.finding = finding
        self.description = description
        self.provenance = provenance
    }
}

/// The result of one job.
public struct Report: Sendable {
    public enum Kind: String, Sendable { case staged, history, message, range = "pre-push" }
    public var kind: Kind
    public var findings: [ReportedFinding] = []
    /// Things the user should know that are not findings (skipped submodules, shallow limits).
    public var notes: [String] = []
    public var suppressed = 0
    public var staleBaselineEntries = 0
    public var scannedFiles = 0
    public var scannedCommits = 0
    public var scannedBytes = 0
    public var shallow = false
    /// The settings the scan ran with, for `failOn`, the rule list and unknown-key warnings.
    public var configuration: Configuration?
    /// Paths left out by the configuration's `skipPaths`.
    public var skippedPaths = 0

    public init(kind: Kind) {
        self.kind = kind
    }

    /// Adds the findings of another scan of the same changes that this one does not have.
    mutating func merge(_ other: Report) {
        let key = { (reported: ReportedFinding) -> String in
            let finding = reported.finding
            return "\(finding.rule)|\(finding.path ?? "")|\(finding.line)|\(finding.column)"
        }
        var position: [String: Int] = [:]
        for (index, reported) in findings.enumerated() { position[key(reported)] = index }
        for reported in other.findings {
            if let index = position[key(reported)] {
                // The same finding under both settings: the higher severity stands.
                if reported.finding.severity > findings[index].finding.severity {
                    findings[index].finding.severity = reported.finding.severity
                }
            } else {
                findings.append(reported)
            }
        }
        // And the stricter threshold: a commit cannot raise its own --fail-on level.
        if let theirs = other.configuration, var mine = configuration {
            mine.failOn = min(mine.failOn ?? .medium, theirs.failOn ?? .medium)
            configuration = mine
        }
        findings.sort { ($0.finding.path ?? "", $0.finding.line) < ($1.finding.path ?? "", $1.finding.line) }
    }

    /// Whether any finding is at or above `level`.
    public func fails(at level: Severity) -> Bool {
        findings.contains { $0.finding.severity >= level }
    }
}
