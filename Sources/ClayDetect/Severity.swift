/// How bad a finding is; `--fail-on` compares against it.
public enum Severity: Int, Comparable, Sendable, CaseIterable, CustomStringConvertible {
    case low = 1
    case medium = 2
    case high = 3

    public init?(name: String) {
        switch name.lowercased() {
        case "low": self = .low
        case "medium": self = .medium
        case "high": self = .high
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .low: "low"
        case .medium: "medium"
        case .high: "high"
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
