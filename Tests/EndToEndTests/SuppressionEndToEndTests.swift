import Foundation
import TestSupport
import Testing

/// Baselines, inline markers and the configuration file, through the built binary.
@Suite struct SuppressionEndToEndTests {
    let key = FakeSecrets.clayKey(seed: 61)

    @Test func aBaselineSurvivesARebaseAndHoldsNoSecret() throws {
        let repo = try TestRepository()
        try repo.commit("README", "x\n")
        try repo.git(["checkout", "-q", "-b", "feature"])
        try repo.commit("old.env", "A=1\nK=\(key)\n", message: "old leak")
        try repo.git(["checkout", "-q", "main"])
        try repo.commit("other.txt", "y\n")
        let baseline = repo.scratch + "/baseline.json"
        let made = try ClayGuardBinary.run(["baseline", "--output", baseline], in: repo.path)
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(!text.contains(key))
        #expect(!text.contains(String(key.dropFirst(9).prefix(10))))
        try repo.git(["checkout", "-q", "feature"])
        try repo.git(["rebase", "-q", "main"])
        try repo.write("old.env", "\n\nmoved\nK=\(key)\n")
        try repo.git(["commit", "-q", "-am", "move it"])
        let swept = try ClayGuardBinary.run(["history", "--baseline", baseline], in: repo.path)
        #expect(swept.status == 0, "\(swept.stdout)")
        let fresh = FakeSecrets.clayKey(seed: 62)
        try repo.commit("new.env", "K=\(fresh)\n")
        #expect(try ClayGuardBinary.run(["history", "--baseline", baseline], in: repo.path).status == 1)
    }

    @Test func staleBaselineEntriesAreReported() throws {
        let repo = try TestRepository()
        try repo.commit("a.env", "K=\(key)\n")
        let baseline = repo.scratch + "/baseline.json"
        _ = try ClayGuardBinary.run(["baseline", "--output", baseline], in: repo.path)
        let clean = try TestRepository()
        try clean.commit("a.txt", "nothing\n")
        let result = try ClayGuardBinary.run(["history", "--baseline", baseline], in: clean.path)
        #expect(result.status == 0)
        #expect(result.stderr.contains("match nothing"))
    }

    @Test func aGarbageBaselineIsAnError() throws {
        let repo = try TestRepository()
        try repo.commit("a.txt", "x\n")
        try repo.write("b.json", "not json")
        #expect(try ClayGuardBinary.run(["history", "--baseline", "b.json"], in: repo.path).status == 2)
        #expect(try ClayGuardBinary.run(["staged", "--baseline", "missing.json"], in: repo.path).status == 2)
    }

    @Test func theInlineMarkerWorksInAnyCommentSyntax() throws {
        let repo = try TestRepository()
        for (name, comment) in [
            ("a.py", "# clay-guard:allow"), ("b.js", "// clay-guard:allow"),
            ("c.sql", "-- clay-guard:allow"), ("d.html", "<!-- clay-guard:allow -->"),
        ] {
            try repo.write(name, "k = '\(key)' \(comment)\n")
        }
        try repo.write("e.py", "k = '\(key)'\n")
        try repo.git(["add", "."])
        let result = try ClayGuardBinary.run(["staged", "--format", "json"], in: repo.path)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let paths = (object?["findings"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == ["e.py"])
    }

    @Test func aBadConfigurationNamesItsKeyPath() throws {
        let repo = try TestRepository()
        try repo.write(".clay-guard.json", "{\"failOn\": \"urgent\"}")
        try repo.git(["add", "."])
        let result = try ClayGuardBinary.run(["staged"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("failOn"))
    }

    @Test func aCustomRuleAndSkippedPathsApply() throws {
        let repo = try TestRepository()
        try repo.write(
            ".clay-guard.json",
            """
            {"version": 1, "skipPaths": ["vendor/**"],
             "customRules": [{"id": "acme-token", "pattern": "acme_[0-9a-f]{24}", "keywords": ["acme_"]}]}
            """)
        try repo.git(["add", "."])
        try repo.git(["commit", "-q", "-m", "settings"])
        try repo.write("vendor/lib/a.env", "K=\(key)\n")
        try repo.write("app.py", "t = '\(FakeSecrets.expand("acme_{hex:24}", seed: 63))'\n")
        try repo.git(["add", "."])
        let result = try ClayGuardBinary.run(["staged", "--format", "json"], in: repo.path)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let rules = (object?["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(rules == ["acme-token"])
    }

    @Test func rulesVerboseShowsTheExamples() throws {
        let repo = try TestRepository()
        let result = try ClayGuardBinary.run(["rules", "--verbose"], in: repo.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("apollo-api-key"))
        #expect(result.stdout.contains("leaves out:"))
    }
}
