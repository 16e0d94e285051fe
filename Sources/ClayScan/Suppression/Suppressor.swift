import ClayDetect

/// Applies the ways a team says "not this one": inline markers, allowed values, disabled rules,
/// severity overrides, and the baseline.
public struct Suppressor: Sendable {
    public var configuration: Configuration
    public var baseline: Baseline?

    public init(configuration: Configuration = Configuration(), baseline: Baseline? = nil) {
        self.configuration = configuration
        self.baseline = baseline
    }

    /// The findings to report, with overridden severities, and how many were left out.
    public func apply(_ findings: [Finding]) -> (kept: [Finding], suppressed: Int) {
        var kept: [Finding] = []
        for var finding in findings {
            if finding.isAllowedInline || configuration.disabledRules.contains(finding.rule) { continue }
            // An allow pattern the engine cannot judge allows nothing: the finding stays.
            if configuration.allowValues.contains(where: { (try? $0.test(finding.secret)) == true }) {
                continue
            }
            if let baseline, baseline.contains(finding) { continue }
            if let level = configuration.severityOverrides[finding.rule] { finding.severity = level }
            kept.append(finding)
        }
        return (kept, findings.count - kept.count)
    }
}
