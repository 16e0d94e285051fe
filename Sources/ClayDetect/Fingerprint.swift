import CCrypto

/// Hashes that name a secret without holding it.
public enum Fingerprint {
    /// The finding's fingerprint: the first 16 hex digits of SHA-256 over rule and secret.
    public static func of(rule: String, secret: String) -> String {
        String(sha256Hex(Array("clay-guard\u{0}\(rule)\u{0}\(secret)".utf8)).prefix(16))
    }

    /// A salted hash of rule and secret, for baselines: without the salt nobody can test a
    /// guessed key against the file.
    public static func salted(rule: String, secret: String, salt: String) -> String {
        sha256Hex(Array("\(salt)\u{0}\(rule)\u{0}\(secret)".utf8))
    }

    /// Random hex for a fresh salt.
    public static func randomSalt() -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        if RAND_bytes(&bytes, Int32(bytes.count)) != 1 {
            var generator = SystemRandomNumberGenerator()
            for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        }
        return hex(bytes)
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = SHA256(bytes, bytes.count, &digest)
        return hex(digest)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
