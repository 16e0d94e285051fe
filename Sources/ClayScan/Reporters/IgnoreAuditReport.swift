import FoundationEssentials

/// Renders the ignore audit: one line per requirement as text, or one JSON object.
public enum IgnoreAuditReport {
    /// One line per requirement: status, path, deciding rule and, where something is left to do,
    /// the fix.
    public static func text(_ result: IgnoreAudit.Result, color: Bool = false) -> String {
        let statusWidth = result.requirements.map { label($0.status).count }.max() ?? 0
        let pathWidth = min(result.requirements.map(\.path.count).max() ?? 0, 40)
        var text = ""
        for requirement in result.requirements {
            let status = label(requirement.status)
            let padded = status + String(repeating: " ", count: statusWidth - status.count)
            var line = paint(padded, requirement.passed ? 32 : 31, color) + "  "
            line += requirement.path
            line += String(repeating: " ", count: max(pathWidth - requirement.path.count, 0)) + "  "
            var parts: [String] = []
            if requirement.status != .tracked { parts.append(describe(requirement.rule)) }
            // What is left to do for a passing line (commit a staged rule) is said once, in a
            // note, rather than on every line.
            if let fix = requirement.fix, !requirement.passed { parts.append("fix: " + fix) }
            text += line + parts.joined(separator: "; ") + "\n"
        }
        return text
    }

    /// One JSON object: `requirements`, `fix` (with `--fix`), `notes` and `summary`.
    public static func json(_ result: IgnoreAudit.Result) -> String {
        let document = Document(
            passed: result.passed,
            requirements: result.requirements.map(Item.init),
            fix: result.fix.map {
                Fix(file: $0.file, created: $0.created, added: $0.addedPatterns, staged: $0.staged)
            },
            notes: result.notes,
            summary: Summary(
                requirements: result.requirements.count,
                passed: result.requirements.filter(\.passed).count,
                failed: result.failed.count,
                tracked: result.requirements.filter { $0.status == .tracked }.count))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The one-line summary for stderr.
    public static func summary(_ result: IgnoreAudit.Result) -> String {
        let failed = result.failed.count
        let total = result.requirements.count
        return failed == 0
            ? "clay-guard: ignore check: all \(total) requirements hold"
            : "clay-guard: ignore check: \(failed) of \(total) requirements fail"
    }

    static func label(_ status: IgnoreAudit.Status) -> String {
        switch status {
        case .covered: "covered"
        case .notCovered: "not covered"
        case .coveredOnlyLocally: "covered only locally"
        case .tracked: "tracked"
        }
    }

    static func describe(_ rule: IgnoreAudit.DecidingRule?) -> String {
        guard let rule else { return "no rule matches" }
        let scope =
            switch rule.scope {
            case .committed: "committed"
            case .staged: "staged, not committed"
            case .local: "this clone only"
            }
        let place = "\(rule.file):\(rule.line) `\(rule.text)`"
        if let directory = rule.excludedDirectory {
            return "\(place) excludes the folder \(directory)/ (\(scope))"
        }
        return rule.isNegation ? "\(place) re-includes it (\(scope))" : "\(place) (\(scope))"
    }

    private static func paint(_ text: String, _ code: Int, _ color: Bool) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    struct Document: Encodable {
        var passed: Bool
        var requirements: [Item]
        var fix: Fix?
        var notes: [String]
        var summary: Summary
    }

    struct Item: Encodable {
        var kind: String
        var path: String
        var status: String
        var passed: Bool
        var rule: Rule?
        var fix: String?

        init(_ requirement: IgnoreAudit.Requirement) {
            kind = requirement.kind.rawValue
            path = requirement.path
            status = requirement.status.rawValue
            passed = requirement.passed
            rule = requirement.rule.map(Rule.init)
            fix = requirement.fix
        }

        /// Writes `rule` and `fix` as null when absent, so every item has the same keys.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(path, forKey: .path)
            try container.encode(status, forKey: .status)
            try container.encode(passed, forKey: .passed)
            try container.encode(rule, forKey: .rule)
            try container.encode(fix, forKey: .fix)
        }

        enum CodingKeys: String, CodingKey {
            case kind, path, status, passed, rule, fix
        }
    }

    struct Rule: Encodable {
        var file: String
        var line: Int
        var pattern: String
        var scope: String
        var negation: Bool
        var excludedDirectory: String?

        init(_ rule: IgnoreAudit.DecidingRule) {
            file = rule.file
            line = rule.line
            pattern = rule.text
            scope = rule.scope.rawValue
            negation = rule.isNegation
            excludedDirectory = rule.excludedDirectory
        }
    }

    struct Fix: Encodable {
        var file: String
        var created: Bool
        var added: [String]
        var staged: Bool
    }

    struct Summary: Encodable {
        var requirements: Int
        var passed: Int
        var failed: Int
        var tracked: Int
    }
}
