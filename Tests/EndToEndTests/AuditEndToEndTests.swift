import Foundation
import TestSupport
import Testing

/// `clay-guard audit` on repositories that pass and fail each item.
@Suite struct AuditEndToEndTests {
    let key = FakeSecrets.clayKey(seed: 51)

    func items(_ repo: TestRepository, _ extra: [String] = []) throws -> (Int32, [String: String]) {
        let result = try ClayGuardBinary.run(["audit", "--format", "json"] + extra, in: repo.path)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let list = try #require(object?["items"] as? [[String: Any]], "\(result.stderr)")
        var states: [String: String] = [:]
        for item in list { states[item["id"] as? String ?? ""] = item["state"] as? String }
        return (result.status, states)
    }

    /// A repository that does everything the checklist asks.
    func wellKeptRepository() throws -> TestRepository {
        let repo = try TestRepository()
        try repo.write(".gitignore", ".env\n.env.local\n.env.*.local\n*.key\n")
        try repo.write(
            ".github/workflows/scan.yml",
            "jobs:\n  scan:\n    steps:\n      - run: scripts/ci-scan.sh # clay-guard\n")
        try repo.write(
            "server.js",
            """
            const signature = req.headers['x-clay-signature'];
            if (!crypto.timingSafeEqual(Buffer.from(signature), expected)) { return reject(); }
            """)
        try repo.git(["add", "."])
        try repo.git(["commit", "-q", "-m", "init"])
        let install = try ClayGuardBinary.run(["install"], in: repo.path)
        #expect(install.status == 0, "\(install.stderr)")
        return repo
    }

    @Test func aWellKeptRepositoryPassesEveryItem() throws {
        let repo = try wellKeptRepository()
        let (status, states) = try items(repo)
        #expect(status == 0, "\(states)")
        #expect(states["head-clean"] == "pass")
        #expect(states["staged-clean"] == "pass")
        #expect(states["history-clean"] == "pass")
        #expect(states["env-files-ignored"] == "pass")
        #expect(states["pre-commit-hook"] == "pass")
        #expect(states["ci-scan"] == "pass")
        #expect(states["provider-keys"] == "pass")
        #expect(states["webhook-verification"] == "pass")
    }

    @Test func eachNeglectFailsItsOwnItem() throws {
        let repo = try TestRepository()
        let hubspot = FakeSecrets.expand("pat-na1-{uuid}", seed: 52)
        try repo.write("app.py", "CLAY_API_KEY = '\(key)'\nhubspot = '\(hubspot)'\n")
        try repo.write("hook.js", "if (req.headers['x-clay-webhook-auth'] === process.env.TOKEN) { ok() }\n")
        try repo.write(".env", "A=1\n")
        try repo.git(["add", "."])
        try repo.git(["commit", "-q", "-m", "init"])
        try repo.write("staged.env", "K=\(FakeSecrets.clayKey(seed: 53))\n")
        try repo.git(["add", "staged.env"])
        let (status, states) = try items(repo)
        #expect(status == 1)
        for id in [
            "head-clean", "staged-clean", "history-clean", "env-files-ignored", "pre-commit-hook",
            "ci-scan", "provider-keys", "webhook-verification",
        ] {
            #expect(states[id] == "fail", "\(id): \(states[id] ?? "missing")")
        }
    }

    @Test func skipHistorySkipsOnlyTheSweep() throws {
        let repo = try wellKeptRepository()
        let (status, states) = try items(repo, ["--skip-history"])
        #expect(status == 0)
        #expect(states["history-clean"] == "skipped")
    }

    @Test func theTextChecklistSaysHowToFixEachFailure() throws {
        let repo = try TestRepository()
        try repo.commit("README", "x\n")
        let result = try ClayGuardBinary.run(["audit", "--skip-history", "--no-color"], in: repo.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL  the pre-commit hook runs clay-guard"))
        #expect(result.stdout.contains("fix: run `clay-guard install`"))
        #expect(result.stdout.contains("N/A   webhook signatures"))
    }

    @Test func outsideARepositoryTheAuditCannotRun() throws {
        let repo = try TestRepository(initialize: false)
        #expect(try ClayGuardBinary.run(["audit"], in: repo.path).status == 2)
    }
}
