import Foundation
import TestSupport
import Testing

/// `clay-guard history` on repositories built per test: merges, tags, renames, shallow clones.
@Suite struct HistoryEndToEndTests {
    let key = FakeSecrets.clayKey(seed: 21)
    let other = FakeSecrets.clayKey(seed: 22)

    func findings(_ result: CommandResult) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["findings"] as? [[String: Any]], "\(result.stderr)")
    }

    func history(_ repo: TestRepository, _ extra: [String] = []) throws -> CommandResult {
        try ClayGuardBinary.run(["history", "--format", "json"] + extra, in: repo.path)
    }

    @Test func tiesEachSecretToTheCommitThatIntroducedIt() throws {
        let repo = try TestRepository()
        try repo.commit("a.env", "A=1\n", message: "base")
        try repo.commit("a.env", "A=1\nK=\(key)\n", message: "leak")
        let leak = try repo.head()
        try repo.commit("a.env", "A=2\nK=\(key)\n", message: "edit")
        try repo.commit("a.env", "A=2\n", message: "remove")
        let result = try history(repo)
        #expect(result.status == 1)
        let found = try findings(result)
        #expect(found.count == 1, "each distinct secret once")
        #expect(found.first?["commit"] as? String == leak)
        #expect(found.first?["inHead"] as? Bool == false)
        #expect(found.first?["line"] as? Int == 2)
        #expect((found.first?["commits"] as? [String])?.count == 2)
        #expect(!result.stdout.contains(key))
    }

    @Test func saysWhetherHeadStillHoldsIt() throws {
        let repo = try TestRepository()
        try repo.commit("a.env", "K=\(key)\n")
        #expect(try findings(history(repo)).first?["inHead"] as? Bool == true)
    }

    @Test func aTagKeepsADeletedFileAlive() throws {
        let repo = try TestRepository()
        try repo.commit("README", "x\n")
        try repo.git(["checkout", "-q", "-b", "old"])
        try repo.commit("secret.env", "K=\(key)\n")
        try repo.git(["tag", "-a", "v1", "-m", "release"])
        try repo.git(["checkout", "-q", "main"])
        try repo.git(["branch", "-D", "old"])
        let found = try findings(history(repo))
        #expect(found.map { $0["path"] as? String } == ["secret.env"])
    }

    @Test func aDetachedHeadThatNoRefNamesIsSwept() throws {
        let repo = try TestRepository()
        try repo.commit("README", "x\n")
        try repo.git(["checkout", "-q", "--detach"])
        try repo.commit("d.env", "K=\(key)\n")
        let detached = try repo.head()
        try repo.git(["checkout", "-q", "main"])
        try repo.git(["checkout", "-q", detached])
        #expect(try findings(history(repo)).count == 1)
    }

    @Test func aRenameIsNotANewIntroduction() throws {
        let repo = try TestRepository()
        try repo.commit("old.env", "K=\(key)\n", message: "leak")
        let leak = try repo.head()
        try repo.git(["mv", "old.env", "new.env"])
        try repo.git(["commit", "-q", "-m", "rename"])
        let found = try findings(history(repo))
        #expect(found.count == 1)
        #expect(found.first?["commit"] as? String == leak)
        #expect(Set(found.first?["paths"] as? [String] ?? []) == ["old.env", "new.env"])
    }

    @Test func commitMessagesAreScannedAndHaveNoPath() throws {
        let repo = try TestRepository()
        try repo.write("a.txt", "a\n")
        try repo.git(["add", "a.txt"])
        try repo.git(["commit", "-q", "-m", "debug with \(key)"])
        let found = try findings(history(repo))
        #expect(found.count == 1)
        #expect(found.first?["path"] is NSNull)
    }

    @Test func rangesScanOnlyTheirCommits() throws {
        let repo = try TestRepository()
        try repo.commit("a.env", "K=\(key)\n")
        let first = try repo.head()
        try repo.commit("b.env", "K=\(other)\n")
        let found = try findings(history(repo, ["\(first)..HEAD"]))
        #expect(found.map { $0["path"] as? String } == ["b.env"])
        let zeros = String(repeating: "0", count: 40)
        #expect(try findings(history(repo, ["\(zeros)..HEAD"])).count == 2)
        #expect(try findings(history(repo, ["--since-commit", first])).count == 1)
    }

    @Test func aShallowCloneIsSweptAsFarAsItGoesAndSaysSo() throws {
        let origin = try TestRepository()
        try origin.commit("a.env", "K=\(key)\n")
        try origin.commit("b.txt", "b\n")
        try origin.commit("c.txt", "c\n")
        let clone = origin.scratch + "/shallow"
        try Shell.run(
            ["git", "clone", "-q", "--depth", "1", "file://" + origin.path, clone], in: origin.scratch)
        let result = try ClayGuardBinary.run(["history", "--format", "json"], in: clone)
        #expect(result.status == 1, "\(result.stderr)")
        let found = try findings(result)
        #expect(found.first?["atShallowBoundary"] as? Bool == true)
        #expect(result.stderr.contains("shallow"))
    }

    @Test func aMissingObjectOrUnknownRevisionIsNeverClean() throws {
        let repo = try TestRepository()
        try repo.commit("a.env", "K=\(key)\n")
        #expect(try history(repo, ["nope..HEAD"]).status == 2)
        let blob = try repo.git(["rev-parse", "HEAD:a.env"]).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        let objectPath = repo.path + "/.git/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2)
        try FileManager.default.removeItem(atPath: objectPath)
        let result = try history(repo)
        #expect(result.status == 2)
        #expect(result.stderr.contains(blob))
    }

    @Test func writesCleanupFilesWithModeSixHundred() throws {
        let repo = try TestRepository()
        try repo.commit(".env", "K=\(key)\n")
        let bfg = repo.scratch + "/bfg.txt", filter = repo.scratch + "/filter.txt"
        let paths = repo.scratch + "/paths.txt"
        let result = try ClayGuardBinary.run(
            [
                "history", "--bfg-replacements", bfg, "--filter-repo-replacements", filter,
                "--paths-to-delete", paths,
            ], in: repo.path)
        #expect(result.status == 1)
        #expect(try String(contentsOfFile: bfg, encoding: .utf8).hasPrefix(key + "==>"))
        #expect(try String(contentsOfFile: filter, encoding: .utf8).contains(key + "==>"))
        #expect(try String(contentsOfFile: paths, encoding: .utf8) == ".env\n")
        let mode = try FileManager.default.attributesOfItem(atPath: bfg)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(result.stderr.contains("plain text"))
        #expect(result.stdout.contains("Rotate"))
    }

    @Test func mergeResolutionsAndSubmodulesAreHandled() throws {
        let repo = try TestRepository()
        try repo.commit("c.env", "base\n")
        try repo.git(["checkout", "-q", "-b", "feature"])
        try repo.commit("c.env", "base\nfeature\n")
        try repo.git(["checkout", "-q", "main"])
        try repo.commit("c.env", "main\nbase\n")
        _ = try? repo.git(["merge", "-q", "feature"])
        try repo.write("c.env", "main\nbase\nfeature\nK=\(key)\n")
        try repo.git(["add", "c.env"])
        let head = try repo.head()
        try repo.git(["update-index", "--add", "--cacheinfo", "160000,\(head),vendor/sub"])
        try repo.git(["commit", "-q", "-m", "merge"])
        let found = try findings(history(repo))
        #expect(found.map { "\($0["path"] ?? "")" } == ["c.env"])
        #expect(found.first?["line"] as? Int == 4)
    }

    @Test func aLargeBlobIsScannedAndTheBFGLimitIsMentioned() throws {
        let repo = try TestRepository()
        let filler = String(repeating: "lorem ipsum dolor sit amet\n", count: 50_000)
        try repo.commit("big.sql", filler + "K=\(key)\n")
        let result = try ClayGuardBinary.run(["history"], in: repo.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("1 MiB"))
    }

    @Test func symmetricRangesAreRefusedWithTheirOwnMessage() throws {
        let repo = try TestRepository()
        try repo.commit("a.txt", "1\n")
        try repo.commit("a.txt", "2\n")
        let result = try ClayGuardBinary.run(["history", "HEAD~1...HEAD"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("symmetric ranges (A...B) are not supported"))
        #expect(result.stderr.contains("use A..B"))
    }

    @Test func verboseTimesEachPhaseOnStderr() throws {
        let repo = try TestRepository()
        try repo.commit("a.txt", "1\n")
        let result = try ClayGuardBinary.run(["history", "--verbose"], in: repo.path)
        #expect(result.status == 0)
        #expect(result.stderr.contains("walked 1 commits in"))
        #expect(result.stderr.contains("read and scanned"))
        #expect(result.stdout.isEmpty)
    }
}
