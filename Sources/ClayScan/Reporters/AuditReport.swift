import FoundationEssentials

/// Renders the audit checklist: one line per item, and the fix under each failure.
public enum AuditReport {
    public static func text(_ result: SecurityAudit.Result, color: Bool = false) -> String {
        var text = ""
        for item in result.items {
            let label =
                switch item.state {
                case .pass: paint("PASS", 32, color)
                case .fail: paint("FAIL", 31, color)
                case .notApplicable: "N/A "
                case .skipped: "SKIP"
                case .error: paint("ERR ", 35, color)
                }
            text += "\(label)  \(item.title): \(item.detail)\n"
            for location in item.locations.prefix(10) { text += "        \(location)\n" }
            if item.locations.count > 10 { text += "        ... and \(item.locations.count - 10) more\n" }
            if let fix = item.fix { text += "        fix: \(fix)\n" }
        }
        let failed = result.items.filter { $0.state == .fail }.count
        let passed = result.items.filter { $0.state == .pass }.count
        text += "\n\(passed) passed, \(failed) failed"
        let errors = result.items.filter { $0.state == .error }.count
        if errors > 0 { text += ", \(errors) could not be checked" }
        return text + "\n"
    }

    struct Document: Encodable {
        var items: [Entry]
        var summary: Summary
    }

    struct Entry: Encodable {
        var id: String
        var title: String
        var state: String
        var detail: String
        var fix: String?
        var locations: [String]
    }

    struct Summary: Encodable {
        var passed: Int
        var failed: Int
        var notApplicable: Int
        var skipped: Int
        var errors: Int
    }

    public static func json(_ result: SecurityAudit.Result) -> String {
        let entries = result.items.map {
            Entry(
                id: $0.id, title: $0.title, state: $0.state.rawValue, detail: $0.detail, fix: $0.fix,
                locations: $0.locations)
        }
        let count = { (state: SecurityAudit.State) in result.items.filter { $0.state == state }.count }
        let document = Document(
            items: entries,
            summary: Summary(
                passed: count(.pass), failed: count(.fail), notApplicable: count(.notApplicable),
                skipped: count(.skipped), errors: count(.error)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
    }

    private static func paint(_ text: String, _ code: Int, _ color: Bool) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
