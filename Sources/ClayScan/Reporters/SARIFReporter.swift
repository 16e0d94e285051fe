import ClayDetect
import FoundationEssentials

/// SARIF 2.1.0 for code scanning: every rule listed, one result per finding.
public struct SARIFReporter: Reporter {
    public let options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    struct Log: Encodable {
        let version = "2.1.0"
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case version, runs
            case schema = "$schema"
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        let name = "clay-guard"
        var version: String
        let informationUri = "https://github.com/clay-guard/clay-guard"
        var rules: [RuleDescriptor]
    }

    struct RuleDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Text: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: [String: String]
        var properties: [String: String]
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: Artifact
        var region: Region
    }

    struct Artifact: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    public func render(_ report: Report) -> String {
        let ruleIndex = Dictionary(
            options.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let descriptors = options.rules.map { rule in
            RuleDescriptor(
                id: rule.id, name: rule.id, shortDescription: Text(text: rule.description),
                defaultConfiguration: Configuration(level: Self.level(rule.severity)))
        }
        let results = report.findings.map { reported -> Result in
            let finding = reported.finding
            var text = "\(reported.description): \(finding.redacted)"
            var properties = ["redacted": finding.redacted]
            if let history = reported.provenance {
                text +=
                    " (introduced in \(history.commit.prefix(12)), "
                    + (history.inHead ? "still in HEAD)" : "no longer in HEAD)")
                properties["commit"] = history.commit
                properties["inHead"] = history.inHead ? "true" : "false"
            }
            if options.showSecrets { properties["secret"] = finding.secret }
            return Result(
                ruleId: finding.rule, ruleIndex: ruleIndex[finding.rule] ?? 0,
                level: Self.level(finding.severity), message: Text(text: text),
                locations: [
                    Location(
                        physicalLocation: PhysicalLocation(
                            artifactLocation: Artifact(uri: Self.uri(finding.path ?? "COMMIT_EDITMSG")),
                            region: Region(
                                startLine: max(1, finding.line), startColumn: max(1, finding.column))))
                ],
                partialFingerprints: ["clayGuardSecret/v1": finding.fingerprint],
                properties: properties)
        }
        let log = Log(runs: [
            Run(
                tool: Tool(driver: Driver(version: options.version, rules: descriptors)), results: results)
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(log)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A relative URI: spaces and other reserved characters percent-encoded.
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 128, character.isLetter || character.isNumber || "-._~/".contains(character) {
                result.append(character)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
