import Foundation
import TestSupport
import Testing

/// scripts/ci-scan.sh as GitHub Actions, GitLab CI and a plain shell would run it.
@Suite struct CIScanEndToEndTests {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/ci-scan.sh").path
    static let zeros = String(repeating: "0", count: 40)
    let key = FakeSecrets.clayKey(seed: 71)

    /// Three commits: `clean`, then `leak` (adds a key), then `after` (clean again).
    struct History {
        let repo: TestRepository
        let clean: String, leak: String, after: String
    }

    func history() throws -> History {
        let repo = try TestRepository()
        try repo.commit("README", "hello\n")
        let clean = try repo.head()
        try repo.commit("app.env", "CLAY_API_KEY=\(key)\n")
        let leak = try repo.head()
        try repo.commit("README", "hello again\n")
        return History(repo: repo, clean: clean, leak: leak, after: try repo.head())
    }

    func scan(
        _ repo: TestRepository, _ arguments: [String] = [], in directory: String? = nil,
        environment: [String: String] = [:]
    ) throws -> CommandResult {
        // Runs outside any CI unless the test says otherwise.
        var env = [
            "CLAY_GUARD": ClayGuardBinary.path, "GITHUB_ACTIONS": "", "GITLAB_CI": "",
            "GITHUB_OUTPUT": "",
        ]
        env.merge(environment) { _, new in new }
        return try Shell.run(
            [Self.script] + arguments, in: directory ?? repo.path, environment: env)
    }

    func githubPush(_ repo: TestRepository, before: String, after: String) throws -> CommandResult {
        let event = repo.scratch + "/event.json"
        let json =
            "{\n  \"after\": \"\(after)\",\n  \"before\": \"\(before)\",\n  \"ref\": \"refs/heads/main\"\n}\n"
        try json.write(toFile: event, atomically: true, encoding: .utf8)
        return try scan(
            repo,
            environment: [
                "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "push", "GITHUB_EVENT_PATH": event,
                "GITHUB_OUTPUT": repo.scratch + "/github-output",
            ])
    }

    func sarifResults(_ path: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let runs = try #require(object?["runs"] as? [[String: Any]])
        return runs.flatMap { $0["results"] as? [[String: Any]] ?? [] }
    }

    @Test func aFirstGitHubPushScansEverythingUpToAfter() throws {
        let h = try history()
        let result = try githubPush(h.repo, before: Self.zeros, after: h.after)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try sarifResults(h.repo.path + "/clay-guard.sarif").count == 1)
        #expect(result.stderr.contains("app.env"), "findings are shown in the log too")
        #expect(!result.stderr.contains(key) && !result.stdout.contains(key))
        let output = try String(contentsOfFile: h.repo.scratch + "/github-output", encoding: .utf8)
        #expect(output == "sarif=clay-guard.sarif\n")
    }

    @Test func aGitHubPushScansBeforeToAfterOnly() throws {
        let h = try history()
        let clean = try githubPush(h.repo, before: h.leak, after: h.after)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(try sarifResults(h.repo.path + "/clay-guard.sarif").isEmpty)
        #expect(try githubPush(h.repo, before: h.clean, after: h.after).status == 1)
    }

    @Test func aDeletedBranchScansNothing() throws {
        let h = try history()
        let result = try githubPush(h.repo, before: h.after, after: Self.zeros)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try sarifResults(h.repo.path + "/clay-guard.sarif").isEmpty)
    }

    @Test func aGitHubPullRequestScansBaseToHead() throws {
        let h = try history()
        let event = h.repo.scratch + "/pr.json"
        let json = #"{"pull_request": {"base": {"sha": "BASE"}, "head": {"sha": "HEAD"}}}"#
        try json.replacingOccurrences(of: "BASE", with: h.leak)
            .replacingOccurrences(of: "HEAD", with: h.after)
            .write(toFile: event, atomically: true, encoding: .utf8)
        let env = [
            "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request",
            "GITHUB_EVENT_PATH": event,
        ]
        #expect(try scan(h.repo, environment: env).status == 0)
        try json.replacingOccurrences(of: "BASE", with: h.clean)
            .replacingOccurrences(of: "HEAD", with: h.after)
            .write(toFile: event, atomically: true, encoding: .utf8)
        #expect(try scan(h.repo, environment: env).status == 1)
    }

    @Test func gitLabUsesTheMergeRequestBaseOrTheBeforeSHA() throws {
        let h = try history()
        let gitlab = ["GITLAB_CI": "true", "CI_COMMIT_SHA": h.after]
        var mergeRequest = gitlab
        mergeRequest["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = h.leak
        #expect(try scan(h.repo, environment: mergeRequest).status == 0)
        var push = gitlab
        push["CI_COMMIT_BEFORE_SHA"] = h.clean
        #expect(try scan(h.repo, environment: push).status == 1)
        push["CI_COMMIT_BEFORE_SHA"] = Self.zeros
        #expect(try scan(h.repo, environment: push).status == 1)
    }

    @Test func baseAndOutputWorkAnywhere() throws {
        let h = try history()
        let sarif = h.repo.scratch + "/out.sarif"
        #expect(try scan(h.repo, ["--base", h.leak, "--output", sarif]).status == 0)
        #expect(try sarifResults(sarif).isEmpty)
        #expect(try scan(h.repo, ["--base", h.clean, "--output", sarif]).status == 1)
        #expect(try sarifResults(sarif).count == 1)
        #expect(try scan(h.repo, ["--base", h.clean, "--", "--fail-on", "high"]).status == 1)
    }

    @Test func aScanThatCannotCompleteExitsTwo() throws {
        let h = try history()
        let unknown = try scan(h.repo, ["--base", "no-such-revision", "--no-fetch"])
        #expect(unknown.status == 2)
        let bare = try TestRepository(initialize: false)
        #expect(try scan(bare, ["--base", "HEAD"]).status == 2)
        var env = ["CLAY_GUARD": h.repo.scratch + "/missing/clay-guard"]
        env["PATH"] = "/usr/bin:/bin"
        #expect(try scan(h.repo, ["--base", h.clean], environment: env).status == 2)
    }

    @Test func aShallowCloneIsDeepenedAsFarAsTheRangeNeeds() throws {
        let h = try history()
        for index in 0..<5 { try h.repo.commit("notes.txt", "note \(index)\n") }
        let clone = h.repo.scratch + "/shallow"
        try Shell.run(
            ["git", "clone", "-q", "--depth", "1", "file://" + h.repo.path, clone],
            in: h.repo.scratch)
        let result = try scan(h.repo, ["--base", h.clean], in: clone)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("deepening") || result.stderr.contains("fetching"))
        let cleanRange = try scan(h.repo, ["--base", h.leak], in: clone)
        #expect(cleanRange.status == 0, "\(cleanRange.stderr)")
    }

    @Test func aShallowCloneThatMayNotFetchSaysHow() throws {
        let h = try history()
        let clone = h.repo.scratch + "/shallow"
        try Shell.run(
            ["git", "clone", "-q", "--depth", "1", "file://" + h.repo.path, clone],
            in: h.repo.scratch)
        let result = try scan(h.repo, ["--base", Self.zeros, "--no-fetch"], in: clone)
        #expect(result.status == 2)
        #expect(result.stderr.contains("fetch-depth: 0"))
    }
}
