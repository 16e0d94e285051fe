/// Decides whether a captured value is a placeholder, a hint or a reference rather than a secret.
///
/// Only the captured value is judged, never the line around it: `# test key` beside a real key
/// does not make the key a placeholder.
public enum Placeholder {
    static let hintWords = [
        "your", "example", "sample", "placeholder", "dummy", "fake", "changeme", "replace",
        "insert", "redacted", "here", "todo", "fixme", "mykey", "secret", "token",
    ]

    /// Whether `value` reads as a placeholder.
    public static func isPlaceholder(_ value: String) -> Bool {
        if value.contains("...") || value.contains("\u{2026}") { return true }
        if value.contains("<") || value.contains(">") { return true }
        if value.contains("{") || value.contains("}") || value.contains("$") { return true }
        if hasFillerRun(value) { return true }
        if distinctAlphanumerics(value) <= 2 { return true }
        if hasFillerUUID(value) { return true }
        return wordSegments(value).contains { segment in
            hintWords.contains { segment == $0 || (segment.count > $0.count + 1 && isAffix($0, of: segment)) }
        }
    }

    /// Whether `body` reads as words (`production_key`) rather than a random string.
    public static func isWordy(_ body: String) -> Bool {
        let scalars = body.unicodeScalars
        let hasDigit = scalars.contains { $0.properties.numericType != nil }
        let hasUpper = scalars.contains { $0.properties.isUppercase }
        let hasLower = scalars.contains { $0.properties.isLowercase }
        return !hasDigit && !(hasUpper && hasLower)
    }

    public static func hasLetterAndDigit(_ body: String) -> Bool {
        body.contains { $0.isLetter } && body.contains { $0.isNumber }
    }

    private static func isAffix(_ word: String, of segment: String) -> Bool {
        segment.hasPrefix(word) || segment.hasSuffix(word)
    }

    /// Four or more of the same filler character in a row: `xxxx`, `****`, `....`, `0000`.
    private static func hasFillerRun(_ value: String) -> Bool {
        var previous: Character?
        var run = 0
        for character in value {
            if character == previous, "xX*.0#-_".contains(character) {
                run += 1
                if run >= 4 { return true }
            } else {
                previous = character
                run = 1
            }
        }
        return false
    }

    private static func distinctAlphanumerics(_ value: String) -> Int {
        Set(value.lowercased().filter { $0.isLetter || $0.isNumber }).count
    }

    /// A UUID whose hex digits are all one (`11111111-1111-...`): a filler, wherever it sits.
    private static func hasFillerUUID(_ value: String) -> Bool {
        let characters = Array(value)
        let shape = [8, 4, 4, 4, 12]
        var index = 0
        while index + 36 <= characters.count {
            var position = index
            var digits = Set<Character>()
            var isUUID = true
            for (group, length) in shape.enumerated() {
                for _ in 0..<length {
                    guard characters[position].isHexDigit else { isUUID = false; break }
                    digits.insert(Character(characters[position].lowercased()))
                    position += 1
                }
                if !isUUID { break }
                if group < 4 {
                    guard characters[position] == "-" else { isUUID = false; break }
                    position += 1
                }
            }
            if isUUID, digits.count <= 1 { return true }
            index += 1
        }
        return false
    }

    /// Lowercased runs of letters, split at anything else and at a lower-to-upper change.
    static func wordSegments(_ value: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var previousWasLower = false
        for character in value {
            if character.isLetter, character.isASCII {
                if character.isUppercase, previousWasLower, !current.isEmpty {
                    segments.append(current)
                    current = ""
                }
                current.append(Character(character.lowercased()))
                previousWasLower = character.isLowercase
            } else {
                if !current.isEmpty { segments.append(current) }
                current = ""
                previousWasLower = false
            }
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }
}
