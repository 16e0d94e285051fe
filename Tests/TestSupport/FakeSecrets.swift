/// Builds made-up credentials at test time, so that no whole secret sits in the project's source
/// and the tool can scan its own repository and find nothing.
public enum FakeSecrets {
    /// Expands `{hex:20}`, `{HEX:64}`, `{alnum:28}`, `{b64url:22}`, `{digits:19}`,
    /// `{sfchars:96}` and `{uuid}` slots with random text.
    public static func expand(_ template: String, seed: UInt64 = 0x5EED) -> String {
        var generator = SeededGenerator(seed: seed)
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(where: { $0 == "}" || $0 == "{" }),
                rest[close] == "}", let value = fill(String(rest[afterOpen..<close]), using: &generator)
            {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    static func fill(_ slot: String, using generator: inout SeededGenerator) -> String? {
        if slot == "uuid" {
            return [8, 4, 4, 4, 12].map { random(hexLower, $0, &generator) }.joined(separator: "-")
        }
        let parts = slot.split(separator: ":")
        guard parts.count == 2, let count = Int(parts[1]) else { return nil }
        switch parts[0] {
        case "hex": return random(hexLower, count, &generator)
        case "HEX": return random(Array("0123456789ABCDEF"), count, &generator)
        case "alnum": return random(alphanumeric, count, &generator)
        case "b64url": return random(alphanumeric + Array("_-"), count, &generator)
        case "digits": return random(Array("0123456789"), count, &generator)
        case "sfchars": return random(alphanumeric + Array("._"), count, &generator)
        default: return nil
        }
    }

    static let hexLower = Array("0123456789abcdef")
    static let alphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// Random text that holds at least one letter and one digit (as real keys do).
    static func random(_ alphabet: [Character], _ count: Int, _ generator: inout SeededGenerator) -> String {
        while true {
            let text = String(
                (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let mixed = text.contains { $0.isLetter } && text.contains { $0.isNumber }
            if mixed || count < 4 || !alphabet.contains(where: { $0.isLetter })
                || !alphabet.contains(where: { $0.isNumber })
            {
                return text
            }
        }
    }

    /// A Clay key in the `clay_ent_` shape.
    public static func clayKey(seed: UInt64 = 1) -> String {
        expand("clay_" + "ent_{alnum:28}", seed: seed)
    }

    /// A table webhook URL.
    public static func webhookURL(seed: UInt64 = 2) -> String {
        expand(
            "https://" + clayAPIHost + "/v3/sources/webhook/pull-in-data-from-a-webhook-{uuid}", seed: seed)
    }

    /// The Clay API host, assembled so the source holds no Clay URL.
    public static let clayAPIHost = ["api", "clay", "com"].joined(separator: ".")
}

/// A small deterministic generator (SplitMix64), so failures reproduce.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
