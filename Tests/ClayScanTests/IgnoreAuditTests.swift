import ClayScan
import Foundation
import TestSupport
import Testing

/// What the ignore-audit suites share.
enum IgnoreFixture {
    /// A repository whose `core.excludesFile` is an empty file of its own, so that the machine's
    /// own excludes (read in-process by libgit2) cannot change the answers.
    static func repository() throws -> TestRepository {
        let repo = try TestRepository()
        let excludes = repo.scratch + "/excludes"
        try Data().write(to: URL(fileURLWithPath: excludes))
        try repo.git(["config", "core.excludesFile", excludes])
        return repo
    }

    static func audit(_ repo: TestRepository, fix: Bool = false) throws -> IgnoreAudit.Result {
        try IgnoreAudit.run(ScanSettings(repositoryPath: repo.path), fix: fix)
    }
}

/// The ignore audit as a job: requirements, deciding rules, tracked files and `--fix`.
@Suite struct IgnoreAuditTests {
    func repository() throws -> TestRepository { try IgnoreFixture.repository() }

    func audit(_ repo: TestRepository, fix: Bool = false) throws -> IgnoreAudit.Result {
        try IgnoreFixture.audit(repo, fix: fix)
    }

    func requirement(
        _ result: IgnoreAudit.Result, _ path: String
    ) throws -> IgnoreAudit.Requirement {
        try #require(result.requirements.first { $0.path == path && $0.status != .tracked })
    }

    static let allFour = ".env\n.env.local\n.env.*.local\n*.key\n"

    @Test func allFourKindsCommittedPass() throws {
        let repo = try repository()
        try repo.commit(".gitignore", ".env\n.env*.local\n*.key\n")
        let result = try audit(repo)
        #expect(result.passed)
        #expect(result.requirements.allSatisfy { $0.status == .covered && $0.fix == nil })
        let rule = try #require(try requirement(result, "web/.env.local").rule)
        #expect(rule.file == ".gitignore" && rule.line == 2 && rule.text == ".env*.local")
        #expect(rule.scope == .committed)
        #expect(Set(result.requirements.map(\.kind)) == Set(IgnoreAudit.Kind.ignored))
    }

    @Test func aNegationReincludesEnvLocal() throws {
        let repo = try repository()
        try repo.commit(".gitignore", ".env*\n!.env.local\n*.key\n")
        let result = try audit(repo)
        #expect(!result.passed)
        let local = try requirement(result, ".env.local")
        #expect(local.status == .notCovered)
        #expect(local.rule?.line == 2 && local.rule?.isNegation == true)
        #expect(local.fix?.contains("after line 2 of .gitignore") == true)
        #expect(try requirement(result, ".env.development.local").status == .covered)
    }

    @Test func theVariantPatternLeavesEnvLocalUncovered() throws {
        let repo = try repository()
        try repo.commit(".gitignore", ".env\n.env.*.local\n*.key\n")
        let result = try audit(repo)
        #expect(try requirement(result, ".env.local").status == .notCovered)
        #expect(try requirement(result, ".env.local").rule == nil)
        #expect(try requirement(result, ".env.production.local").status == .covered)
        #expect(result.failed.allSatisfy { $0.kind == .envLocal })
    }

    @Test func aRuleOnlyInInfoExcludeIsCoveredOnlyLocally() throws {
        let repo = try repository()
        try repo.commit(".gitignore", ".env\n.env.local\n.env.*.local\n")
        try repo.write(".git/info/exclude", "# mine\n*.key\n")
        let result = try audit(repo)
        let key = try requirement(result, "certs/server.key")
        #expect(key.status == .coveredOnlyLocally)
        #expect(key.rule?.file == ".git/info/exclude" && key.rule?.line == 2)
        #expect(key.rule?.scope == .local)
        #expect(result.failed.allSatisfy { $0.kind == .key })
    }

    @Test func aRuleOnlyInTheUsersExcludesFileIsCoveredOnlyLocally() throws {
        let repo = try repository()
        try repo.commit(".gitignore", ".env\n.env.local\n.env.*.local\n")
        let excludes = repo.scratch + "/global-ignore"
        try Data("*.key\n".utf8).write(to: URL(fileURLWithPath: excludes))
        try repo.git(["config", "core.excludesFile", excludes])
        let key = try requirement(try audit(repo), "server.key")
        #expect(key.status == .coveredOnlyLocally)
        #expect(key.rule?.file == excludes && key.rule?.scope == .local)
    }

    @Test func anUnstagedRuleIsCoveredOnlyLocallyAndAStagedOnePassesWithANote() throws {
        let repo = try repository()
        try repo.commit(".gitignore", ".env\n.env.local\n.env.*.local\n")
        try repo.write(".gitignore", Self.allFour)
        let unstaged = try requirement(try audit(repo), "server.key")
        #expect(unstaged.status == .coveredOnlyLocally)
        #expect(unstaged.fix?.contains("git add .gitignore") == true)
        try repo.git(["add", ".gitignore"])
        let result = try audit(repo)
        #expect(result.passed)
        let staged = try requirement(result, "server.key")
        #expect(staged.rule?.scope == .staged)
        #expect(staged.fix?.hasPrefix("commit .gitignore") == true)
        #expect(try requirement(result, ".env").rule?.scope == .committed)
    }

    @Test func aNestedNegationIsNamedAndFailsThoughLibgit2WouldSayIgnored() throws {
        let repo = try repository()
        try repo.commit(".gitignore", Self.allFour)
        try repo.commit("certs/.gitignore", "!server.key\n")
        let result = try audit(repo)
        let key = try requirement(result, "certs/server.key")
        #expect(key.status == .notCovered)
        #expect(key.rule?.file == "certs/.gitignore" && key.rule?.isNegation == true)
        #expect(key.fix == "remove line 1 of certs/.gitignore, which re-includes it")
        let disagreement = "certs/server.key: libgit2 alone says ignored"
        #expect(result.notes.contains { $0.hasPrefix(disagreement) })
    }

    @Test func aNegationOnlyInThisClonesRootFileNeedsNoSecondFix() throws {
        let repo = try repository()
        try repo.commit(".gitignore", ".env\n.env.*.local\n*.key\n")
        try repo.write(".gitignore", ".env\n.env.*.local\n*.key\n!.env.local\n")
        let local = try requirement(try audit(repo), ".env.local")
        #expect(local.status == .notCovered && local.rule?.scope == .local)
        // The pattern added to the root comes after the `!` line and wins: one step is enough.
        #expect(local.fix?.hasPrefix("add `.env.local` to .gitignore") == true)
        #expect(local.fix?.contains("remove") == false)
    }

    @Test func anUntrackedNestedNegationMustGoThoughTheSharedRuleIgnores() throws {
        let repo = try repository()
        try repo.commit(".gitignore", Self.allFour)
        try repo.write("certs/.gitignore", "!server.key\n")
        let key = try requirement(try audit(repo), "certs/server.key")
        #expect(key.status == .notCovered)
        #expect(key.rule?.file == "certs/.gitignore" && key.rule?.scope == .local)
        #expect(key.fix == "remove line 1 of certs/.gitignore, which re-includes it in this clone")
    }

    @Test func theRootGitignoreBeatsInfoExclude() throws {
        let repo = try repository()
        try repo.commit(".gitignore", Self.allFour)
        try repo.write(".git/info/exclude", "!server.key\n")
        let key = try requirement(try audit(repo), "server.key")
        #expect(key.status == .covered && key.rule?.file == ".gitignore")
    }

    @Test func samplesArePlacedInEveryFolderWithItsOwnGitignore() throws {
        let repo = try repository()
        try repo.commit(".gitignore", Self.allFour)
        try repo.commit("apps/api/.gitignore", "build/\n!.env.local\n")
        let result = try audit(repo)
        let nested = try requirement(result, "apps/api/.env.local")
        #expect(nested.status == .notCovered && nested.rule?.file == "apps/api/.gitignore")
        #expect(try requirement(result, "apps/api/.env").status == .covered)
    }

    @Test func anExcludedFolderDecidesForTheFilesInIt() throws {
        let repo = try repository()
        try repo.commit(".gitignore", Self.allFour + "config/\n!config/.env\n")
        let result = try audit(repo)
        let env = try requirement(result, "config/.env")
        #expect(env.status == .covered)
        #expect(env.rule?.excludedDirectory == "config" && env.rule?.line == 5)
    }

    @Test func aTrackedEnvFailsWhateverTheRulesSay() throws {
        let repo = try repository()
        try repo.commit(".env", "CLAY_API_KEY=x\n")
        try repo.commit("config/.config/clay/config.json", "{}\n")
        try repo.commit(".gitignore", Self.allFour)
        let result = try audit(repo)
        #expect(!result.passed)
        let tracked = result.requirements.filter { $0.status == .tracked }
        #expect(tracked.map(\.path) == [".env", "config/.config/clay/config.json"])
        #expect(tracked.map(\.kind) == [.env, .clayCredentials])
        #expect(tracked[0].fix?.contains("git rm --cached .env") == true)
        #expect(tracked[0].fix?.contains("clay-guard history") == true)
        #expect(try requirement(result, ".env").status == .covered)
    }

    @Test(arguments: [
        (".env", IgnoreAudit.Kind.env), ("a/b/.env", .env), (".env.local", .envLocal),
        ("web/.env.development.local", .envVariantLocal), (".env..local", .envVariantLocal),
        ("certs/server.key", .key), (".config/clay/config.json", .clayCredentials),
        ("home/.config/clay/config.json", .clayCredentials),
    ])
    func trackedFilesAreSortedIntoKinds(path: String, kind: IgnoreAudit.Kind) {
        #expect(IgnoreAudit.Kind(trackedPath: path) == kind)
    }

    @Test(arguments: [
        ".env.example", ".envrc", "env", ".env.local.bak", "keys/key.pem", "config.json",
    ])
    func otherFilesAreNoKind(path: String) {
        #expect(IgnoreAudit.Kind(trackedPath: path) == nil)
    }

    @Test func notARepositoryCannotBeChecked() throws {
        let directory = NSTemporaryDirectory() + "clay-guard-not-a-repo-" + UUID().uuidString
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: ScanError.self) {
            try IgnoreAudit.run(ScanSettings(repositoryPath: directory))
        }
    }

    @Test func theJSONHasOneItemPerRequirementWithTheSameKeys() throws {
        let repo = try repository()
        try repo.commit(".env", "A=1\n")
        try repo.commit(".gitignore", ".env*\n!.env.local\n*.key\n")
        let result = try audit(repo)
        let data = Data(IgnoreAuditReport.json(result).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["passed", "requirements", "notes", "summary"])
        #expect(object["passed"] as? Bool == false)
        let items = try #require(object["requirements"] as? [[String: Any]])
        #expect(items.count == result.requirements.count)
        for item in items {
            #expect(Set(item.keys) == ["kind", "path", "status", "passed", "rule", "fix"])
        }
        let negated = try #require(items.first { $0["path"] as? String == ".env.local" })
        #expect(negated["status"] as? String == "not-covered")
        let rule = try #require(negated["rule"] as? [String: Any])
        #expect(rule["file"] as? String == ".gitignore" && rule["line"] as? Int == 2)
        #expect(rule["pattern"] as? String == "!.env.local" && rule["negation"] as? Bool == true)
        #expect(rule["scope"] as? String == "committed")
        #expect(
            items.contains {
                $0["status"] as? String == "tracked" && $0["path"] as? String == ".env"
            })
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["tracked"] as? Int == 1)
        #expect(summary["failed"] as? Int == result.failed.count)
    }

    @Test func theTextHasOneLinePerRequirement() throws {
        let repo = try repository()
        try repo.commit(".gitignore", ".env\n.env.*.local\n*.key\n")
        let result = try audit(repo)
        let lines = IgnoreAuditReport.text(result).split(separator: "\n")
        #expect(lines.count == result.requirements.count)
        let local = try #require(lines.first { $0.contains(" .env.local ") })
        #expect(local.hasPrefix("not covered"))
        #expect(local.contains("no rule matches; fix: add `.env.local` to .gitignore"))
        #expect(
            lines.contains {
                $0.hasPrefix("covered ") && $0.contains(".gitignore:1 `.env` (committed)")
            })
    }
}

/// Ignore-file spellings where libgit2's reading differs from git's; git is the oracle.
@Suite struct IgnoreSpellingTests {
    @Test(arguments: [
        ".env\n.env.local\t\n.env.*.local\n*.key\n",
        ".env\n.env.local\n.env.*.local\n*.key\\\n",
        "\u{FEFF}.env\n.env.local\n.env.*.local\n*.key\n",
        ".env\r\n.env.local\r\n.env.*.local\r\n*.key\r\n",
        ".env\n.env.local\u{0C}\n.env.*.local\n*.key\n",
    ])
    func followsGit(content: String) throws {
        let repo = try TestRepository()
        try repo.commit(".gitignore", content)
        var gitCovers = true
        for path in [".env", ".env.local", ".env.development.local", "certs/server.key"] {
            let git = try Shell.run(["git", "check-ignore", "-q", "--no-index", path], in: repo.path)
            gitCovers = gitCovers && git.status == 0
        }
        let result = try ClayGuardBinary.run(["ignore-check"], in: repo.path)
        #expect(result.status == (gitCovers ? 0 : 1), "\(result.stdout)")
    }
}
