import ClayDetect
import FoundationEssentials

/// Findings a team has accepted, stored as salted hashes of rule and secret: no secret, no line
/// number and no commit, so the baseline survives rebases and moved lines and leaks nothing.
public struct Baseline: Sendable {
    public let salt: String
    public private(set) var hashes: Set<String>

    struct File: Codable {
        var version: Int
        var salt: String
        var findings: [String]
    }

    public init(salt: String = Fingerprint.randomSalt(), findings: [Finding] = []) {
        self.salt = salt
        hashes = Set(findings.map { Fingerprint.salted(rule: $0.rule, secret: $0.secret, salt: salt) })
    }

    public init(bytes: [UInt8], path: String) throws(ScanError) {
        do {
            let file = try JSONDecoder().decode(File.self, from: Data(bytes))
            guard file.version == 1 else { throw ScanError.baseline(path: path, reason: "unknown version") }
            salt = file.salt
            hashes = Set(file.findings)
        } catch let error as ScanError {
            throw error
        } catch {
            throw .baseline(path: path, reason: "not a clay-guard baseline")
        }
    }

    public func contains(_ finding: Finding) -> Bool {
        hashes.contains(Fingerprint.salted(rule: finding.rule, secret: finding.secret, salt: salt))
    }

    /// How many entries match none of `findings`.
    public func staleCount(against findings: [Finding]) -> Int {
        let current = Set(findings.map { Fingerprint.salted(rule: $0.rule, secret: $0.secret, salt: salt) })
        return hashes.subtracting(current).count
    }

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let file = File(version: 1, salt: salt, findings: hashes.sorted())
        return Array((try? encoder.encode(file)) ?? Data()) + [10]
    }
}
