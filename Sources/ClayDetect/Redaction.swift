/// Masks a secret so that a report can name it without leaking it.
public enum Redaction {
    /// Keeps the fixed prefix before the random body and four characters of the body; the rest
    /// becomes `*`, at most 12 of them, so the mask does not give away the length.
    public static func redact(secret: String, bodyOffset: Int) -> String {
        let characters = Array(secret)
        let bodyStart = min(max(0, bodyOffset), characters.count)
        let bodyLength = characters.count - bodyStart
        let visible = bodyLength >= 12 ? 4 : (bodyLength >= 6 ? 2 : 0)
        let kept = String(characters[..<(bodyStart + visible)])
        let masked = String(repeating: "*", count: min(12, max(4, bodyLength - visible)))
        return kept + masked
    }
}
