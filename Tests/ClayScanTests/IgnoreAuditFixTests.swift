import ClayScan
import Foundation
import TestSupport
import Testing

/// `ignore-check --fix`: appends what is missing to the root `.gitignore`, keeps every byte,
/// stages the file, and never untracks anything.
@Suite struct IgnoreAuditFixTests {
    func repository() throws -> TestRepository { try IgnoreFixture.repository() }

    func audit(_ repo: TestRepository, fix: Bool = false) throws -> IgnoreAudit.Result {
        try IgnoreFixture.audit(repo, fix: fix)
    }

    func bytes(_ repo: TestRepository, _ path: String = ".gitignore") throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: repo.path + "/" + path))
    }

    func staged(_ repo: TestRepository) throws -> String {
        try repo.git(["diff", "--cached", "--name-only"]).stdout
    }

    @Test func createsTheFileAndStagesIt() throws {
        let repo = try repository()
        try repo.commit("README", "hello\n")
        let result = try audit(repo, fix: true)
        let fix = try #require(result.fix)
        #expect(fix.created && fix.staged)
        #expect(fix.addedPatterns == [".env", ".env.local", ".env.*.local", "*.key"])
        let added = "\n.env\n.env.local\n.env.*.local\n*.key\n"
        #expect(try repo.read(".gitignore") == IgnoreAudit.fixComment + added)
        #expect(try staged(repo) == ".gitignore\n")
        #expect(result.passed)
        #expect(result.requirements.allSatisfy { $0.rule?.scope == .staged })
        #expect(try audit(repo).passed)
    }

    @Test func keepsEveryByteAndEndsTheLastLineFirst() throws {
        let repo = try repository()
        // Trailing spaces, a tab, an escaped space and UTF-8, with no newline at the end.
        let original = Data("node_modules/\n# build   \n\tdist\n*.log\\ \n\u{00E9}t\u{00E9}".utf8)
        try repo.write(".gitignore", original)
        try repo.git(["add", ".gitignore"])
        try repo.git(["commit", "-q", "-m", "ignore"])
        let result = try audit(repo, fix: true)
        let after = try bytes(repo)
        #expect(after.prefix(original.count) == original)
        let added = String(decoding: after.dropFirst(original.count), as: UTF8.self)
        let patterns = ".env\n.env.local\n.env.*.local\n*.key\n"
        #expect(added == "\n" + IgnoreAudit.fixComment + "\n" + patterns)
        #expect(result.passed)
    }

    @Test func addsOnlyWhatIsMissingAndFollowsTheFilesLineEndings() throws {
        let repo = try repository()
        try repo.write(".gitignore", "*.key\r\n.env\r\n")
        let result = try audit(repo, fix: true)
        #expect(result.fix?.addedPatterns == [".env.local", ".env.*.local"])
        #expect(
            try repo.read(".gitignore")
                == "*.key\r\n.env\r\n" + IgnoreAudit.fixComment + "\r\n.env.local\r\n.env.*.local\r\n")
        #expect(result.passed)
    }

    @Test func runningItTwiceIsLikeOnce() throws {
        let repo = try repository()
        try repo.commit(".gitignore", ".env*\n!.env.local\n")
        try repo.commit("certs/.gitignore", "!server.key\n")
        let first = try audit(repo, fix: true)
        #expect(first.fix?.addedPatterns == [".env.local", "*.key"])
        let once = try bytes(repo)
        let second = try audit(repo, fix: true)
        #expect(second.fix?.addedPatterns == [])
        #expect(try bytes(repo) == once)
        // A `!` line in a deeper file beats the root; --fix says so rather than piling up lines.
        let nested = try #require(second.requirements.first { $0.path == "certs/server.key" })
        #expect(nested.status == .notCovered)
        #expect(nested.fix == "remove line 1 of certs/.gitignore, which re-includes it")
        let local = try #require(second.requirements.first { $0.path == ".env.local" })
        #expect(local.status == .covered)
    }

    @Test func neverUntracksAFileAndSaysHow() throws {
        let repo = try repository()
        try repo.commit(".env", "CLAY_API_KEY=x\n")
        let result = try audit(repo, fix: true)
        #expect(try repo.git(["ls-files", ".env"]).stdout == ".env\n")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/.env"))
        #expect(!result.passed)
        #expect(result.failed.map(\.status) == [.tracked])
        #expect(
            result.notes.contains {
                $0.contains("never untracks") && $0.contains("git rm --cached")
            })
    }

    @Test func stagesAnUnstagedRootRuleWithoutAddingOne() throws {
        let repo = try repository()
        try repo.commit(".gitignore", ".env\n.env.local\n.env.*.local\n")
        try repo.write(".gitignore", ".env\n.env.local\n.env.*.local\n*.key\n")
        let result = try audit(repo, fix: true)
        #expect(result.fix?.addedPatterns == [] && result.fix?.staged == true)
        #expect(result.passed)
    }

    @Test func leavesAPassingRepositoryAlone() throws {
        let repo = try repository()
        try repo.commit(".gitignore", ".env\n.env*.local\n*.key")
        let before = try bytes(repo)
        let result = try audit(repo, fix: true)
        #expect(result.fix?.addedPatterns == [] && result.fix?.staged == false)
        #expect(try bytes(repo) == before)
        #expect(try staged(repo).isEmpty)
    }
}
