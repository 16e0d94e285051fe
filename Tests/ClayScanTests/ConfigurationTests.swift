import ClayDetect
import TestSupport
import Testing

@testable import ClayScan

@Suite struct ConfigurationTests {
    func parse(_ text: String) throws(ScanError) -> Configuration {
        try Configuration(bytes: Array(text.utf8))
    }

    @Test func readsEveryKey() throws {
        let config = try parse(
            """
            {"version": 1, "skipPaths": ["vendor/**", "*.lock"], "allowValues": ["^clay_ent_test"],
             "disabledRules": ["clay-hardcoded-url"], "severity": {"clay-api-key": "low"},
             "failOn": "high",
             "customRules": [{"id": "acme-token", "pattern": "acme_[a-z0-9]{12}", "keywords": ["acme_"]}]}
            """)
        #expect(config.skips("vendor/a/b.js"))
        #expect(config.skips("deep/yarn.lock"))
        #expect(!config.skips("src/a.js"))
        #expect(config.failOn == .high)
        #expect(config.severityOverrides["clay-api-key"] == .low)
        #expect(config.rules().contains { $0.id == "acme-token" })
        #expect(!config.rules().contains { $0.id == "clay-hardcoded-url" })
    }

    @Test func unknownKeysWarnAndBadValuesNameTheirKeyPath() throws {
        #expect(try parse("{\"colour\": 1}").unknownKeys == ["colour"])
        for (text, path) in [
            ("{\"failOn\": \"urgent\"}", "failOn"),
            ("{\"severity\": {\"clay-api-key\": 3}}", "severity.clay-api-key"),
            ("{\"customRules\": [{\"id\": \"x\", \"pattern\": \"(\"}]}", "customRules[0].pattern"),
            ("{\"skipPaths\": [1]}", "skipPaths[0]"),
            ("{\"version\": 2}", "version"),
        ] {
            do {
                _ = try parse(text)
                Issue.record("\(text) was accepted")
            } catch {
                guard case .config(let keyPath, _) = error else { Issue.record("\(error)"); continue }
                #expect(keyPath == path)
            }
        }
    }

    @Test func customRulesRunThroughTheSameEngine() throws {
        let config = try parse(
            """
            {"customRules": [{"id": "acme-token", "pattern": "acme_[a-z0-9]{12}", "keywords": ["acme_"],
              "minEntropy": 2.5, "severity": "medium"}]}
            """)
        let detector = Detector(rules: config.rules())
        let value = FakeSecrets.expand("acme_{hex:12}", seed: 5)
        #expect(try detector.scan("t = \(value)", path: "a.py").map(\.rule) == ["acme-token"])
    }
}

@Suite struct SuppressionTests {
    let key = FakeSecrets.clayKey(seed: 31)

    func finding(_ line: String) throws -> Finding {
        try #require(try Detector(rules: BuiltInRules.all).scan(line, path: "a.py").first)
    }

    @Test func theInlineMarkerSuppressesThatLineOnly() throws {
        let allowed = try finding("k='\(key)' # clay-guard:allow")
        let other = try finding("k='\(key)'")
        let (kept, suppressed) = Suppressor().apply([allowed, other])
        #expect(kept.count == 1)
        #expect(suppressed == 1)
    }

    @Test func allowedValuesAndOverrides() throws {
        var config = Configuration()
        config.allowValues = [try BytePattern("^" + String(key.prefix(14)))]
        #expect(Suppressor(configuration: config).apply([try finding("k=\(key)")]).kept.isEmpty)
        config = Configuration()
        config.severityOverrides = ["clay-api-key": .low]
        #expect(
            Suppressor(configuration: config).apply([try finding("k=\(key)")]).kept.first?.severity == .low)
    }

    @Test func aBaselineHoldsNoSecretAndSurvivesMovedLines() throws {
        let original = try finding("k='\(key)'")
        let baseline = Baseline(findings: [original])
        let text = String(decoding: baseline.encoded(), as: UTF8.self)
        #expect(!text.contains(key))
        #expect(!text.contains(String(key.dropFirst(9).prefix(8))))
        let reloaded = try Baseline(bytes: baseline.encoded(), path: "b.json")
        let moved = try finding("\n\n\n   other = \"\(key)\"")
        #expect(reloaded.contains(moved))
        #expect(reloaded.staleCount(against: []) == 1)
        #expect(reloaded.staleCount(against: [moved]) == 0)
    }
}
