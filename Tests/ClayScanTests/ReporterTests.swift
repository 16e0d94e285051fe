import ClayDetect
import ClayScan
import Foundation
import TestSupport
import Testing

@Suite struct ReporterTests {
    let key = FakeSecrets.clayKey(seed: 41)

    func report() throws -> Report {
        let finding = try #require(
            try Detector(rules: BuiltInRules.all).scan("x\nK=\(key)", path: "a b.env").first)
        var report = Report(kind: .history)
        report.findings = [
            ReportedFinding(
                finding: finding, description: "Clay API key",
                provenance: Provenance(
                    commit: String(repeating: "ab", count: 20), author: "A <a@example.invalid>",
                    date: "2026-01-02T03:04:05+00:00", inHead: true, commits: ["c1", "c2"],
                    paths: ["a b.env"], atShallowBoundary: false))
        ]
        return report
    }

    func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonHasTheContractFields() throws {
        let object = try parse(JSONReporter(options: ReportOptions()).render(report()))
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "clay-api-key")
        #expect(finding["severity"] as? String == "high")
        #expect(finding["path"] as? String == "a b.env")
        #expect(finding["line"] as? Int == 2)
        #expect(finding["column"] as? Int == 3)
        #expect(finding["inHead"] as? Bool == true)
        #expect(finding["secret"] == nil)
        #expect((object["summary"] as? [String: Any])?["high"] as? Int == 1)
    }

    @Test func showSecretsAddsTheSecretField() throws {
        let object = try parse(JSONReporter(options: ReportOptions(showSecrets: true)).render(report()))
        #expect((object["findings"] as? [[String: Any]])?.first?["secret"] as? String == key)
    }

    @Test func sarifEncodesTheURIAndLevel() throws {
        let log = try parse(SARIFReporter(options: ReportOptions()).render(report()))
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result["level"] as? String == "error")
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "a%20b.env")
    }

    @Test func textNamesTheLocationTheCommitAndThePlan() throws {
        let text = TextReporter(options: ReportOptions()).render(try report())
        #expect(text.contains("a b.env:2:3: high: clay-api-key"))
        #expect(text.contains("introduced in abababababab"))
        #expect(text.contains("HEAD still holds it"))
        #expect(text.contains("Rotate"))
        #expect(!text.contains(key))
    }

    @Test func cleanupFilesFollowEachToolsSplitRule() throws {
        let findings = try report().findings.map(\.finding)
        #expect(CleanupPlan.bfgReplacements(findings).text == "\(key)==>***REMOVED-BY-CLAY-GUARD***\n")
        #expect(CleanupPlan.isSecretFile("config/.env.local"))
        #expect(!CleanupPlan.isSecretFile(".env.example"))
        #expect(CleanupPlan.isSecretFile("certs/server.key"))
    }
}
