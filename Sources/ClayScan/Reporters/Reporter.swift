import ClayDetect

/// Turns a report into the bytes of one output format.
public protocol Reporter {
    func render(_ report: Report) -> String
}

/// What every reporter is told besides the report.
public struct ReportOptions: Sendable {
    /// Adds each whole secret; only `--show-secrets` sets it.
    public var showSecrets = false
    public var color = false
    public var rules: [Rule] = BuiltInRules.all
    public var version = ClayGuardVersion.current

    public init(showSecrets: Bool = false, color: Bool = false, rules: [Rule] = BuiltInRules.all) {
        self.showSecrets = showSecrets
        self.color = color
        self.rules = rules
    }
}

public enum ClayGuardVersion {
    public static let current = "0.1.0"
}
