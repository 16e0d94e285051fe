import Foundation
import TestSupport
import Testing

/// The pre-push hook with real `git push`es to a bare remote: only the pushed commits count.
@Suite struct PrePushHookEndToEndTests {
    let key = FakeSecrets.clayKey(seed: 61)

    /// A clone of an empty bare remote, with the pre-push hook installed.
    func sandbox() throws -> (HookSandbox, String) {
        let box = try HookSandbox()
        let remote = box.repository.scratch + "/remote.git"
        try box.git(["init", "-q", "--bare", remote])
        try box.git(["remote", "add", "origin", remote])
        #expect(try box.clayGuard(["install", "--hooks", "pre-push"]).status == 0)
        return (box, remote)
    }

    func commitKey(_ box: HookSandbox, _ file: String) throws {
        try box.write(file, "CLAY_API_KEY=\(key)\n")
        try box.git(["add", file])
        try box.git(["commit", "-q", "-m", "add \(file)"])
    }

    @Test func aNewBranchWithAKeyIsBlocked() throws {
        let (box, remote) = try sandbox()
        #expect(try box.git(["push", "-q", "origin", "main"]).status == 0)
        try box.git(["checkout", "-q", "-b", "feature"])
        try commitKey(box, "app.env")
        let push = try box.git(["push", "-q", "origin", "feature"])
        #expect(push.status != 0)
        #expect(push.stdout.contains("app.env") || push.stderr.contains("app.env"))
        #expect(
            try box.git(["rev-parse", "--verify", "-q", "refs/heads/feature"], in: remote).status
                != 0)
    }

    @Test func anExistingBranchScansOnlyTheCommitsBeingPushed() throws {
        let (box, _) = try sandbox()
        #expect(try box.git(["push", "-q", "origin", "main"]).status == 0)
        try commitKey(box, "app.env")
        #expect(try box.git(["push", "-q", "origin", "main"]).status != 0)
        // Once the key is on the remote (pushed knowingly), later clean pushes are not blocked.
        #expect(try box.git(["push", "-q", "--no-verify", "origin", "main"]).status == 0)
        try box.write("README", "clean\n")
        try box.git(["add", "README"])
        try box.git(["commit", "-q", "-m", "clean"])
        #expect(try box.git(["push", "-q", "origin", "main"]).status == 0)
    }

    @Test func aDeletionScansNothing() throws {
        let (box, remote) = try sandbox()
        try box.git(["checkout", "-q", "-b", "feature"])
        try commitKey(box, "app.env")
        #expect(try box.git(["push", "-q", "--no-verify", "origin", "feature"]).status == 0)
        #expect(try box.git(["push", "-q", "origin", "--delete", "feature"]).status == 0)
        #expect(
            try box.git(["rev-parse", "--verify", "-q", "refs/heads/feature"], in: remote).status
                != 0)
    }

    @Test func anEarlierPrePushHookGetsTheSameLinesAndRunsFirst() throws {
        let box = try HookSandbox()
        let remote = box.repository.scratch + "/remote.git"
        try box.git(["init", "-q", "--bare", remote])
        try box.git(["remote", "add", "origin", remote])
        try box.write(
            ".git/hooks/pre-push",
            "#!/bin/sh\ncat > \"$(git rev-parse --git-dir)/push.log\"\necho \"$1\" >> \"$(git rev-parse --git-dir)/push.log\"\n",
            mode: 0o755)
        #expect(try box.clayGuard(["install", "--hooks", "pre-push"]).status == 0)
        try commitKey(box, "app.env")
        #expect(try box.git(["push", "-q", "origin", "main"]).status != 0)
        let log = try box.repository.read(".git/push.log")
        let head = try box.git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(
            log
                == "refs/heads/main \(head) refs/heads/main \(String(repeating: "0", count: 40))\norigin\n"
        )
    }
}
