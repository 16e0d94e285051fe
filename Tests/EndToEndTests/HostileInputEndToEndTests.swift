import Foundation
import TestSupport
import Testing

/// Reports from trying to break clay-guard: each one a scan that must not read as clean, or
/// a file that must not be touched.
@Suite struct HostileInputEndToEndTests {
    let key = FakeSecrets.clayKey(seed: 71)

    func findings(_ result: CommandResult) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["findings"] as? [[String: Any]], "\(result.stderr)")
    }

    @Test func aKeyOnAHashLineOfACommitMessageIsFound() throws {
        let repo = try TestRepository()
        try repo.write("msg", "subject\n#CLAY_API_KEY=\(key)\n")
        #expect(try ClayGuardBinary.run(["message", "msg"], in: repo.path).status == 1)
        try repo.write("cut", "subject\n# ------------------------ >8 ------------------------\n-K=\(key)\n")
        #expect(try ClayGuardBinary.run(["message", "cut"], in: repo.path).status == 0)
    }

    @Test func aLongCookieIsStillFoundWhenTheJITRunsOutOfStack() throws {
        let repo = try TestRepository()
        let cookie =
            FakeSecrets.expand("claysession=s%3A{b64url:32}.", seed: 72)
            + FakeSecrets.expand("{alnum:1500}", seed: 73)
        try repo.write("c.js", "c = '\(cookie)'\n")
        try repo.git(["add", "c.js"])
        #expect(try ClayGuardBinary.run(["staged"], in: repo.path).status == 1)
    }

    @Test func aPatternTheEngineGivesUpOnIsAnIncompleteScan() throws {
        let repo = try TestRepository()
        try repo.write(
            ".clay-guard.json",
            #"{"customRules":[{"id":"e","pattern":"(?<secret>(a+)+b|ZQV_[0-9a-z]{8})","keywords":[]}]}"#)
        try repo.write("f.txt", String(repeating: "a", count: 40) + "!\nZQV_1a2b3c4d\n")
        try repo.git(["add", "."])
        let result = try ClayGuardBinary.run(["staged"], in: repo.path)
        #expect(result.status == 2, "\(result.stderr)")
    }

    @Test func aBodyOutsideTheSecretNeitherLeaksNorCrashes() throws {
        let repo = try TestRepository()
        let token = FakeSecrets.expand("acme_{alnum:20}:{alnum:12}", seed: 74)
        try repo.write(
            ".clay-guard.json",
            #"""
            {"customRules":[{"id":"a","pattern":"(?<secret>acme_[0-9a-zA-Z]{20}):(?<body>[0-9a-zA-Z]{12})","keywords":["acme_"]},
                            {"id":"b","pattern":"(?<body>tok=)(?<secret>[0-9a-zA-Z]{20})","keywords":["tok="]}]}
            """#)
        try repo.write("a.py", "k = '\(token)'\nx tok=\(FakeSecrets.expand("{alnum:20}", seed: 75))\n")
        try repo.git(["add", "."])
        let result = try ClayGuardBinary.run(["staged", "--format", "json"], in: repo.path)
        #expect(result.status == 1)
        let secret = String(token.prefix(25))
        #expect(!result.stdout.contains(secret))
        #expect(try findings(result).count == 2)
    }

    @Test func aNewBranchIsScannedAgainstTheRemoteItGoesTo() throws {
        let repo = try TestRepository()
        try repo.commit("a", "a\n")
        try repo.commit("k.py", "K='\(key)'\n")
        let head = try repo.head()
        try repo.git(["remote", "add", "fork", repo.scratch + "/fork.git"])
        try repo.git(["update-ref", "refs/remotes/fork/x", head])
        let zeros = String(repeating: "0", count: 40)
        let line = "refs/heads/feat \(head) refs/heads/feat \(zeros)\n"
        let pushed = try ClayGuardBinary.run(["pre-push", "origin", "url"], in: repo.path, input: line)
        #expect(pushed.status == 1)
        #expect(pushed.stdout.contains("not on the remote yet"))
        let toFork = try ClayGuardBinary.run(["pre-push", "fork", "url"], in: repo.path, input: line)
        #expect(toFork.status == 0)
    }

    @Test func writesNeverFollowACommittedSymlink() throws {
        let repo = try TestRepository()
        let victim = repo.scratch + "/victim"
        try "precious\n".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: repo.path + "/.clay-guard-baseline.json", withDestinationPath: victim)
        try FileManager.default.createSymbolicLink(
            atPath: repo.path + "/.gitignore", withDestinationPath: victim)
        try repo.git(["add", "."])
        try repo.git(["commit", "-q", "-m", "links"])
        #expect(try ClayGuardBinary.run(["baseline"], in: repo.path).status == 2)
        #expect(try ClayGuardBinary.run(["ignore-check", "--fix"], in: repo.path).status == 2)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    }

    @Test func escapedAndEncodedURLsAndUTF16FilesAreScanned() throws {
        let repo = try TestRepository()
        let url = FakeSecrets.webhookURL(seed: 76)
        try repo.write("a.json", "{\"u\":\"\(url.replacingOccurrences(of: "/", with: "\\/"))\"}\n")
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("CLAY_API_KEY=\(key)\r\n".data(using: .utf16LittleEndian)!)
        try repo.write("u.env", utf16)
        try repo.git(["add", "."])
        let paths = Set(
            try findings(ClayGuardBinary.run(["staged", "--format", "json"], in: repo.path))
                .compactMap { $0["path"] as? String })
        #expect(paths == ["a.json", "u.env"])
    }

    @Test func aCommitCannotSwitchOffItsOwnScan() throws {
        let repo = try TestRepository()
        try repo.commit("README", "x\n")
        try repo.write(".clay-guard.json", #"{"skipPaths": ["*"], "skippaths": []}"#)
        try repo.write("a.env", "K=\(key)\n")
        try repo.git(["add", "."])
        let result = try ClayGuardBinary.run(["staged"], in: repo.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("committed settings"))
        #expect(result.stderr.contains("skippaths"))
    }

    @Test func aTagOfABlobIsSwept() throws {
        let repo = try TestRepository()
        try repo.commit("README", "x\n")
        let blob = try repo.git(["hash-object", "-w", "--stdin"], input: "K=\(key)\n").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["tag", "loose", blob])
        let found = try findings(ClayGuardBinary.run(["history", "--format", "json"], in: repo.path))
        #expect(found.first?["commit"] as? String == "refs/tags/loose")
    }

    @Test func aSeparateWorkTreeIsHonoured() throws {
        let repo = try TestRepository(bare: true)
        let home = repo.scratch + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try "K=\(key)\n".write(toFile: home + "/.bashrc", atomically: true, encoding: .utf8)
        let env = ["GIT_DIR": repo.path, "GIT_WORK_TREE": home]
        try Shell.run(["git", "add", ".bashrc"], in: home, environment: env)
        #expect(try ClayGuardBinary.run(["staged"], in: home, environment: env).status == 1)
    }

    @Test func controlCharactersInFileNamesAreEscaped() throws {
        let repo = try TestRepository()
        let name = "evil\u{1B}[2Jname\nfake.env"
        try repo.write(name, "K=\(key)\n")
        try repo.git(["add", "-A"])
        let result = try ClayGuardBinary.run(["staged", "--no-color"], in: repo.path)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.contains("evil\\x1B[2Jname\\nfake.env:1:3"))
    }

    @Test func theAuditFollowsFailOn() throws {
        let repo = try TestRepository()
        let url = "https://" + FakeSecrets.clayAPIHost + "/v1/tables/t_abc123XYZ/rows"
        try repo.commit("README.md", "See \(url)\n")
        let result = try ClayGuardBinary.run(
            ["audit", "--format", "json", "--fail-on", "high"], in: repo.path)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let items = object?["items"] as? [[String: Any]] ?? []
        #expect(items.first { $0["id"] as? String == "history-clean" }?["state"] as? String == "pass")
    }

    @Test func anUndeliveredReportOrAnUnreadableInputIsNotClean() throws {
        let repo = try TestRepository()
        try repo.commit("README", "x\n")
        if FileManager.default.fileExists(atPath: "/dev/full") {
            let result = try Shell.run(
                ["sh", "-c", "\"$0\" history --format sarif > /dev/full", ClayGuardBinary.path], in: repo.path
            )
            #expect(result.status == 2)
        }
        #expect(try ClayGuardBinary.run(["message", repo.scratch], in: repo.path).status == 2)
    }
}

@Suite struct SelfWeakeningMessageTests {
    @Test func aCommitMessageCannotBeLetThroughByTheCommitsOwnSettings() throws {
        let repo = try TestRepository()
        try repo.commit("README", "x\n")
        try repo.write(".clay-guard.json", #"{"disabledRules": ["clay-api-key"]}"#)
        try repo.git(["add", ".clay-guard.json"])
        try repo.write("msg", "subject\n\nkey \(FakeSecrets.clayKey(seed: 81))\n")
        #expect(try ClayGuardBinary.run(["message", "msg"], in: repo.path).status == 1)
    }
}
