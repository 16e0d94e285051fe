/// Runs a rule set over text: the keyword filter first, then each rule's pattern on the lines
/// around its keywords, then the rule's checks.
public final class Detector: Sendable {
    public let rules: [Rule]
    private let filter: KeywordFilter
    /// For each keyword, the rules it wakes.
    private let rulesByKeyword: [[Int]]
    /// Rules with no keyword run over the whole text (custom rules may be written that way).
    private let unkeyedRules: [Int]
    /// The furthest a window reaches from a keyword, in bytes, on very long lines.
    static let windowReach = 2_048
    static let allowMarker = Array("clay-guard:allow".utf8)

    public init(rules: [Rule]) {
        self.rules = rules
        var keywordIndex: [String: Int] = [:]
        var keywords: [String] = []
        var byKeyword: [[Int]] = []
        var unkeyed: [Int] = []
        for (ruleIndex, rule) in rules.enumerated() {
            if rule.keywords.isEmpty, !rule.matchesPathOnly { unkeyed.append(ruleIndex) }
            for keyword in rule.keywords {
                if let index = keywordIndex[keyword] {
                    byKeyword[index].append(ruleIndex)
                } else {
                    keywordIndex[keyword] = keywords.count
                    keywords.append(keyword)
                    byKeyword.append([ruleIndex])
                }
            }
        }
        filter = KeywordFilter(keywords: keywords)
        rulesByKeyword = byKeyword
        unkeyedRules = unkeyed
    }

    /// The findings in `text`, attributed to `path` (nil for a commit message).
    public func scan(_ text: String, path: String?) throws(MatchError) -> [Finding] {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer throws(MatchError) in
            try scan(UnsafeBufferPointer(buffer), path: path)
        }
    }

    /// The findings in `bytes`, in order of position.
    ///
    /// UTF-16 text (a byte-order mark, or NULs at every other byte) is read as UTF-8 first:
    /// Windows PowerShell writes files that way. Line numbers hold; columns count UTF-8 bytes.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, path: String?) throws(MatchError) -> [Finding] {
        if let decoded = UTF16Text.decode(bytes) {
            var copy = decoded
            let fromText = try copy.withUnsafeMutableBufferPointer { buffer throws(MatchError) in
                try scanBytes(UnsafeBufferPointer(buffer), path: path)
            }
            // Text appended in another encoding (UTF-8 added to a PowerShell log) is still there.
            let seen = Set(fromText.map(\.identity))
            let fromBytes = try scanBytes(bytes, path: path).filter {
                !seen.contains($0.identity)
            }
            return fromText + fromBytes
        }
        return try scanBytes(bytes, path: path)
    }

    /// Whether `scan` reads these bytes as UTF-16 text, so that its line numbers are those of
    /// the decoded text, not of the bytes.
    public static func readsAsUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF16Text.decode(bytes) != nil
    }

    private func scanBytes(_ bytes: UnsafeBufferPointer<UInt8>, path: String?) throws(MatchError) -> [Finding]
    {
        let text = Text(bytes: bytes)
        var windows = [[Range<Int>]](repeating: [], count: rules.count)
        for hit in filter.hits(in: bytes) {
            for ruleIndex in rulesByKeyword[hit.keyword] {
                let window = text.window(around: hit.offset, lines: rules[ruleIndex].contextLines)
                Self.merge(window, into: &windows[ruleIndex])
            }
        }
        for ruleIndex in unkeyedRules {
            windows[ruleIndex] = [0..<bytes.count]
        }
        var candidates: [Candidate] = []
        for (ruleIndex, ruleWindows) in windows.enumerated() where !ruleWindows.isEmpty {
            var seen = Set<Int>()
            for window in ruleWindows {
                for match in try rules[ruleIndex].pattern.matches(in: bytes, range: window)
                where seen.insert(match.secret.lowerBound).inserted {
                    if try accepts(match, rule: rules[ruleIndex], in: text) {
                        candidates.append(Candidate(rule: ruleIndex, match: match))
                    }
                }
            }
        }
        return findings(from: Self.resolveOverlaps(candidates), in: text, path: path)
    }

    /// A finding for a file whose very presence is the leak (the Clay CLI's credential file).
    public func scanPath(_ path: String) -> Finding? {
        guard path == ".config/clay/config.json" || path.hasSuffix("/.config/clay/config.json")
        else { return nil }
        guard let rule = rules.first(where: \.matchesPathOnly) else {
            return nil
        }
        return Finding(
            rule: rule.id, severity: rule.severity, path: path, line: 1, column: 1, secret: path,
            redacted: path)
    }

    private func accepts(_ match: PatternMatch, rule: Rule, in text: Text) throws(MatchError) -> Bool {
        let secret = text.string(match.secret)
        let bodyRange = match.body ?? match.secret
        let body = text.bytes[bodyRange]
        let bodyText = String(decoding: body, as: UTF8.self)
        if Placeholder.isPlaceholder(bodyText) || Placeholder.isPlaceholder(secret) { return false }
        if rule.rejectsWordyBody, Placeholder.isWordy(bodyText) { return false }
        if rule.requiresLetterAndDigit, !Placeholder.hasLetterAndDigit(bodyText) { return false }
        if rule.rejectsLettersOnly, bodyText.allSatisfy(\.isLetter) { return false }
        if let minimum = rule.minimumEntropy, shannonEntropy(body) < minimum { return false }
        if let reject = rule.rejectPrefix {
            let lineStart = text.lineStart(before: match.secret.lowerBound)
            if try reject.test(text.bytes, range: lineStart..<match.secret.lowerBound) { return false }
        }
        if let context = rule.context {
            let around = text.window(around: match.whole.lowerBound, lines: max(rule.contextLines, 0))
            let reach = around.lowerBound..<max(around.upperBound, match.whole.upperBound)
            if try !context.test(text.bytes, range: reach) { return false }
        }
        return true
    }

    private func findings(from candidates: [Candidate], in text: Text, path: String?) -> [Finding] {
        var lineCounter = LineCounter()
        return candidates.sorted { $0.match.secret.lowerBound < $1.match.secret.lowerBound }
            .map { candidate in
                let rule = rules[candidate.rule]
                let start = candidate.match.secret.lowerBound
                let (line, lineStart) = lineCounter.advance(to: start, in: text.bytes)
                let secret = text.string(candidate.match.secret)
                let bodyOffset =
                    candidate.match.body.map {
                        text.string(candidate.match.secret.lowerBound..<$0.lowerBound).count
                    } ?? 0
                return Finding(
                    rule: rule.id, severity: rule.severity(forPath: path), path: path, line: line,
                    column: start - lineStart + 1, secret: secret,
                    redacted: Redaction.redact(secret: secret, bodyOffset: bodyOffset),
                    isAllowedInline: text.lineContains(Self.allowMarker, around: start),
                    textSize: text.bytes.count)
            }
    }

    /// Drops a candidate that overlaps one of a rule listed earlier: the earlier, more specific
    /// rule names the credential (a HubSpot UUID inside a `pat-` token is one finding).
    static func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        let ordered = candidates.sorted {
            ($0.rule, $0.match.whole.lowerBound) < ($1.rule, $1.match.whole.lowerBound)
        }
        var kept: [Candidate] = []
        for candidate in ordered {
            let overlaps = kept.contains {
                $0.rule != candidate.rule && $0.match.whole.overlaps(candidate.match.whole)
            }
            if !overlaps { kept.append(candidate) }
        }
        return kept
    }

    static func merge(_ window: Range<Int>, into windows: inout [Range<Int>]) {
        if let last = windows.last, last.upperBound >= window.lowerBound {
            windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
        } else {
            windows.append(window)
        }
    }
}

struct Candidate {
    let rule: Int
    let match: PatternMatch
}

/// The scanned bytes, with the line arithmetic the detector needs.
struct Text {
    let bytes: UnsafeBufferPointer<UInt8>

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func lineStart(before offset: Int) -> Int {
        var index = offset
        while index > 0, bytes[index - 1] != 10, offset - index < Detector.windowReach { index -= 1 }
        return index
    }

    func lineEnd(after offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] != 10, index - offset < Detector.windowReach {
            index += 1
        }
        return index
    }

    /// The line holding `offset`, widened by `lines` lines on each side.
    func window(around offset: Int, lines: Int) -> Range<Int> {
        var start = lineStart(before: offset)
        var end = lineEnd(after: offset)
        for _ in 0..<lines {
            if start > 0 { start = lineStart(before: start - 1) }
            if end < bytes.count { end = lineEnd(after: end + 1) }
        }
        return start..<end
    }

    func lineContains(_ needle: [UInt8], around offset: Int) -> Bool {
        let start = lineStart(before: offset), end = lineEnd(after: offset)
        guard end - start >= needle.count else { return false }
        var index = start
        while index + needle.count <= end {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return true
            }
            index += 1
        }
        return false
    }
}

/// Counts lines forward through a text, for findings visited in order of position.
struct LineCounter {
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    mutating func advance(to target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        while offset < target {
            if bytes[offset] == 10 {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
        return (line, lineStart)
    }
}
