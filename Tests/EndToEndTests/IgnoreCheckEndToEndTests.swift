import Foundation
import TestSupport
import Testing

/// `clay-guard ignore-check` run as a user would: exit codes, streams, JSON and `--fix`.
@Suite struct IgnoreCheckEndToEndTests {
    @Test func exitsZeroWhenAllFourKindsAreIgnoredByACommittedRule() throws {
        let repo = try TestRepository()
        try repo.commit(".gitignore", ".env\n.env*.local\n*.key\n")
        let result = try ClayGuardBinary.run(["ignore-check", "--no-color"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("covered ") })
        #expect(result.stderr.contains("all") && result.stderr.contains("requirements hold"))
    }

    @Test func exitsOneAndNamesTheNegationThatReincludesEnvLocal() throws {
        let repo = try TestRepository()
        try repo.commit(".gitignore", ".env*\n!.env.local\n*.key\n")
        let result = try ClayGuardBinary.run(["ignore-check", "--no-color"], in: repo.path)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        let line = try #require(lines.first { $0.contains(" .env.local ") })
        #expect(line.hasPrefix("not covered"))
        #expect(line.contains(".gitignore:2 `!.env.local` re-includes it (committed)"))
        #expect(!result.stderr.contains("covered "), "the report belongs on stdout alone")
    }

    @Test func aTrackedEnvFailsInJSONAndSaysHowToStopTrackingIt() throws {
        let repo = try TestRepository()
        try repo.commit(".env", "CLAY_API_KEY=\(FakeSecrets.clayKey(seed: 41))\n")
        try repo.commit(".gitignore", ".env\n.env.local\n.env.*.local\n*.key\n")
        let result = try ClayGuardBinary.run(["ignore-check", "--format", "json"], in: repo.path)
        #expect(result.status == 1)
        let data = Data(result.stdout.utf8)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let items = try #require(object?["requirements"] as? [[String: Any]])
        let tracked = try #require(items.first { $0["status"] as? String == "tracked" })
        #expect(tracked["path"] as? String == ".env" && tracked["passed"] as? Bool == false)
        #expect((tracked["fix"] as? String)?.contains("git rm --cached .env") == true)
        #expect(!result.stdout.contains(FakeSecrets.clayKey(seed: 41)))
    }

    @Test func fixMakesTheNextCheckPassWithoutACommit() throws {
        let repo = try TestRepository()
        try repo.commit("README", "hi")
        let fixed = try ClayGuardBinary.run(["ignore-check", "--fix"], in: repo.path)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stderr.contains("staged .gitignore"))
        #expect(try repo.git(["diff", "--cached", "--name-only"]).stdout == ".gitignore\n")
        let checked = try ClayGuardBinary.run(["ignore-check"], in: repo.path)
        #expect(checked.status == 0)
        #expect(checked.stdout.contains(".gitignore:3 `.env.local` (staged, not committed)\n"))
        #expect(checked.stderr.contains("staged but not committed: commit .gitignore"))
    }

    @Test func cannotCheckOutsideARepository() throws {
        let repo = try TestRepository(initialize: false)
        let result = try ClayGuardBinary.run(["ignore-check"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a git repository"))
        #expect(result.stdout.isEmpty)
    }

    @Test func cannotCheckABareRepository() throws {
        let repo = try TestRepository(bare: true)
        let result = try ClayGuardBinary.run(["ignore-check"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("bare repository"))
    }

    @Test func sarifIsAUsageError() throws {
        let repo = try TestRepository()
        let result = try ClayGuardBinary.run(["ignore-check", "--format", "sarif"], in: repo.path)
        #expect(result.status == 64)
    }
}
