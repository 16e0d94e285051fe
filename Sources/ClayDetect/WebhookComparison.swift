/// Finds webhook receivers that check Clay's signature or auth header with `==`, which leaks
/// the expected value through timing; a constant-time comparison is the fix.
public enum WebhookComparison {
    /// One comparison that is not constant-time.
    public struct NaiveComparison: Sendable, Equatable {
        public let line: Int
        public let text: String
    }

    /// What a file shows about webhook verification.
    public struct Verdict: Sendable, Equatable {
        /// The file reads a Clay signature or webhook-auth header.
        public let readsHeader: Bool
        public let naiveComparisons: [NaiveComparison]
    }

    static let header = Rule.pattern(
        "x-clay-signature|x-clay-webhook-auth|clay[-_]?signature|webhook[-_]?auth")
    /// The header is read from a request, not merely named (a test fixture, a client).
    static let readsRequest = Rule.pattern("header|req\\b|request|\\bctx\\b|event")
    static let assignment = Rule.pattern(
        "^\\s*(?:(?:const|let|var|val|my|auto)\\s+)?\\$?([A-Za-z_][\\w]*)\\s*(?::[^=]*)?=[^=]")
    static let equality = Rule.pattern("[^=!<>]={2,3}[^=]|!==?")
    static let constantTime = Rule.pattern(
        "timingsafeequal|compare_digest|secure_compare|constanttimecompare|constanttimeeq"
            + "|hash_equals|messagedigest\\.isequal|safecompare|timing_safe|constant_time")

    /// Judges one file's text.
    public static func verdict(_ text: String) throws(MatchError) -> Verdict {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var names: [String] = []
        var readsHeader = false
        for line in lines {
            guard try header.test(line), try readsRequest.test(line) else { continue }
            readsHeader = true
            if let name = try assignedName(line) { names.append(name) }
        }
        guard readsHeader else { return Verdict(readsHeader: false, naiveComparisons: []) }
        var naive: [NaiveComparison] = []
        for (index, line) in lines.enumerated() {
            guard try equality.test(line), try !constantTime.test(line) else { continue }
            let namesHeader = try header.test(line)
            let readsRequestHere = try readsRequest.test(line)
            let mentionsHeader = namesHeader && readsRequestHere
            let mentionsName = names.contains { containsWord($0, in: line) }
            if mentionsHeader || mentionsName {
                naive.append(NaiveComparison(line: index + 1, text: line.trimmingSpaces()))
            }
        }
        return Verdict(readsHeader: true, naiveComparisons: naive)
    }

    static func assignedName(_ line: String) throws(MatchError) -> String? {
        var bytes = Array(line.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer throws(MatchError) -> String? in
            let view = UnsafeBufferPointer(buffer)
            guard let match = try assignment.matches(in: view, range: 0..<view.count).first else {
                return nil
            }
            let text = String(decoding: view[match.whole], as: UTF8.self)
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            let words = trimmed.split { !($0.isLetter || $0.isNumber || $0 == "_") }
            let keywords: Set<String> = ["const", "let", "var", "val", "my", "auto"]
            return words.map(String.init).first { !keywords.contains($0) }
        }
    }

    static func containsWord(_ word: String, in line: String) -> Bool {
        var rest = Substring(line)
        while let range = rest.firstRange(of: word) {
            let before =
                range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
            let after = range.upperBound == line.endIndex ? nil : line[range.upperBound]
            let isBoundary = { (character: Character?) in
                character.map { !($0.isLetter || $0.isNumber || $0 == "_") } ?? true
            }
            if isBoundary(before), isBoundary(after) { return true }
            rest = line[range.upperBound...]
        }
        return false
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(
            drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }
                .reversed())
    }
}
