import Foundation
import TestSupport
import Testing

/// `clay-guard staged` run as git would run it, on repositories built per test.
@Suite struct StagedEndToEndTests {
    let key = FakeSecrets.clayKey(seed: 11)

    func json(_ result: CommandResult) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["findings"] as? [[String: Any]])
    }

    @Test func blocksAStagedKeyWithPathLineAndAdvice() throws {
        let repo = try TestRepository()
        try repo.write("app.env", "A=1\nCLAY_API_KEY=\(key)\n")
        try repo.git(["add", "app.env"])
        let result = try ClayGuardBinary.run(["staged", "--no-color"], in: repo.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("app.env:2:14: high: clay-api-key: clay_ent_"))
        #expect(result.stdout.contains("git restore --staged"))
        #expect(!result.stdout.contains(key), "the whole key must never be printed")
        #expect(!result.stderr.contains(key))
    }

    @Test func showSecretsIsTheOnlyWayToSeeTheKey() throws {
        let repo = try TestRepository()
        try repo.write("a.py", "k = '\(key)'\n")
        try repo.git(["add", "a.py"])
        let hidden = try ClayGuardBinary.run(["staged", "--format", "json"], in: repo.path)
        #expect(try json(hidden).first?["secret"] == nil)
        let shown = try ClayGuardBinary.run(["staged", "--format", "json", "--show-secrets"], in: repo.path)
        #expect(try json(shown).first?["secret"] as? String == key)
    }

    @Test func scansTheIndexNotTheWorkTree() throws {
        let repo = try TestRepository()
        try repo.commit("s.env", "x=1\n")
        try repo.write("s.env", "x=1\nK=\(key)\n")
        try repo.git(["add", "s.env"])
        try repo.write("s.env", "x=1\n")
        let staged = try ClayGuardBinary.run(["staged", "--format", "json"], in: repo.path)
        #expect(staged.status == 1)
        #expect(try json(staged).first?["line"] as? Int == 2)
        try repo.git(["reset", "-q", "s.env"])
        try repo.write("s.env", "x=1\nK=\(key)\n")
        #expect(try ClayGuardBinary.run(["staged"], in: repo.path).status == 0)
    }

    @Test func onlyAddedLinesCountAndRemovalsNeverBlock() throws {
        let repo = try TestRepository()
        try repo.commit("a.env", "K=\(key)\nB=1\n")
        try repo.write("a.env", "K=\(key)\nB=2\n")
        try repo.git(["add", "a.env"])
        #expect(try ClayGuardBinary.run(["staged"], in: repo.path).status == 0)
        try repo.write("a.env", "B=2\n")
        try repo.git(["add", "a.env"])
        #expect(try ClayGuardBinary.run(["staged"], in: repo.path).status == 0)
    }

    @Test func oddFileNamesBinaryContentAndNoFinalNewline() throws {
        let repo = try TestRepository()
        let names = ["-leading dash.env", "spaced name.txt", "ünïcödé.py"]
        for name in names { try repo.write(name, "x\r\nk='\(key)'") }
        var binary = Data([0, 1, 2, 0, 10])
        binary.append(Data("k=\(key)\n".utf8))
        try repo.write("blob.bin", binary)
        try repo.git(["add", "--", "."])
        let result = try ClayGuardBinary.run(["staged", "--format", "json"], in: repo.path)
        let paths = Set(try json(result).compactMap { $0["path"] as? String })
        #expect(paths == Set(names + ["blob.bin"]))
        #expect(try json(result).allSatisfy { ($0["line"] as? Int) == 2 })
    }

    @Test func submoduleEntriesAreSkippedWithANote() throws {
        let repo = try TestRepository()
        try repo.commit("a.txt", "a\n")
        let head = try repo.head()
        try repo.git(["update-index", "--add", "--cacheinfo", "160000,\(head),vendor/lib"])
        let result = try ClayGuardBinary.run(["staged"], in: repo.path)
        #expect(result.status == 0)
        #expect(result.stderr.contains("submodule"))
    }

    @Test func failOnDecidesTheExitCode() throws {
        let repo = try TestRepository()
        let url = "https://" + FakeSecrets.clayAPIHost + "/v1/tables/t_abc123XYZ/rows"
        try repo.write("client.py", "requests.get('\(url)')\n")
        try repo.git(["add", "client.py"])
        #expect(try ClayGuardBinary.run(["staged"], in: repo.path).status == 1)
        #expect(try ClayGuardBinary.run(["staged", "--fail-on", "high"], in: repo.path).status == 0)
    }

    @Test func errorsExitTwoAndUsageErrorsSixtyFour() throws {
        let repo = try TestRepository(initialize: false)
        let outside = try ClayGuardBinary.run(["staged"], in: repo.path)
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("not a git repository"))
        let bare = try TestRepository(bare: true)
        #expect(try ClayGuardBinary.run(["staged"], in: bare.path).status == 2)
        #expect(try ClayGuardBinary.run(["staged", "--bogus"], in: bare.path).status == 64)
        #expect(try ClayGuardBinary.run(["frobnicate"], in: bare.path).status == 64)
        #expect(try ClayGuardBinary.run(["staged", "--format", "xml"], in: bare.path).status == 64)
    }

    @Test func aSHA256RepositoryIsRefusedWithExitTwo() throws {
        let repo = try TestRepository(initialize: false)
        try repo.git(["init", "-q", "--object-format=sha256"])
        try repo.write("a.env", "K=\(key)\n")
        try repo.git(["add", "a.env"])
        let result = try ClayGuardBinary.run(["staged"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("object format"))
    }

    @Test func theConfigurationIsReadFromTheIndex() throws {
        let repo = try TestRepository()
        try repo.commit(".clay-guard.json", "{\"version\": 1}\n")
        try repo.write(".clay-guard.json", "{\"version\": 1, \"disabledRules\": [\"clay-api-key\"]}\n")
        try repo.write("a.env", "K=\(key)\n")
        try repo.git(["add", "a.env"])
        #expect(try ClayGuardBinary.run(["staged"], in: repo.path).status == 1)
    }

    @Test func sarifListsRulesAndResults() throws {
        let repo = try TestRepository()
        try repo.write("a.env", "K=\(key)\n")
        try repo.git(["add", "a.env"])
        let result = try ClayGuardBinary.run(["staged", "--format", "sarif"], in: repo.path)
        let log = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.first?["ruleId"] as? String == "clay-api-key")
        let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(((driver?["rules"] as? [Any])?.count ?? 0) > 10)
        #expect(!result.stdout.contains(key))
    }
}
