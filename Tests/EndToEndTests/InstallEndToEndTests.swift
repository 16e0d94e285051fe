import Foundation
import TestSupport
import Testing

/// A repository in which git and clay-guard run with a chosen PATH and HOME, as a developer's
/// shell would run them.
final class HookSandbox {
    let repository: TestRepository
    var environment: [String: String]

    /// The folder of the built binary, put first on PATH.
    static let binaryFolder = URL(fileURLWithPath: ClayGuardBinary.path).deletingLastPathComponent()
        .path
    static let systemPath = "/usr/local/bin:/usr/bin:/bin"

    init(binaryOnPath: Bool = true) throws {
        repository = try TestRepository()
        let path = ProcessInfo.processInfo.environment["PATH"] ?? Self.systemPath
        environment = ["PATH": binaryOnPath ? Self.binaryFolder + ":" + path : Self.systemPath]
        try git(["commit", "-q", "--allow-empty", "-m", "base"])
    }

    var path: String { repository.path }

    /// Runs a command; the result is returned whatever its exit status.
    @discardableResult
    func run(_ arguments: [String], in directory: String? = nil, input: String? = nil) throws
        -> CommandResult
    {
        try Shell.run(arguments, in: directory ?? path, input: input, environment: environment)
    }

    @discardableResult
    func git(_ arguments: [String], in directory: String? = nil, input: String? = nil) throws
        -> CommandResult
    {
        try run(["git"] + arguments, in: directory, input: input)
    }

    @discardableResult
    func clayGuard(_ arguments: [String], in directory: String? = nil) throws -> CommandResult {
        try run([ClayGuardBinary.path] + arguments, in: directory)
    }

    func write(_ relative: String, _ text: String, mode: Int? = nil) throws {
        try repository.write(relative, text)
        if let mode {
            try FileManager.default.setAttributes(
                [.posixPermissions: mode], ofItemAtPath: path + "/" + relative)
        }
    }

    func commitCount() throws -> Int {
        Int(
            try git(["rev-list", "--count", "HEAD"]).stdout.trimmingCharacters(
                in: .whitespacesAndNewlines)) ?? -1
    }
}

/// `clay-guard install` and the hooks it writes, exercised with real `git commit`s.
@Suite struct InstallEndToEndTests {
    let key = FakeSecrets.clayKey(seed: 51)
    let teamHook = "#!/bin/sh\n# team hook\necho ran >> \"$(git rev-parse --git-dir)/team.log\"\n"

    @Test func anExistingHookIsChainedRunsOnceAndInstallingTwiceIsLikeOnce() throws {
        let box = try HookSandbox()
        try box.write(".git/hooks/pre-commit", teamHook, mode: 0o755)
        #expect(try box.clayGuard(["install"]).status == 0)
        let once = try box.repository.read(".git/hooks/pre-commit")
        let second = try box.clayGuard(["install"])
        #expect(second.status == 0)
        #expect(second.stderr.contains("installed already"))
        #expect(try box.repository.read(".git/hooks/pre-commit") == once)
        #expect(try box.git(["commit", "-q", "--allow-empty", "-m", "clean"]).status == 0)
        #expect(try box.repository.read(".git/team.log") == "ran\n")
        try box.write("app.env", "CLAY_API_KEY=\(key)\n")
        try box.git(["add", "app.env"])
        let blocked = try box.git(["commit", "-q", "-m", "leak"])
        #expect(blocked.status != 0)
        #expect(blocked.stdout.contains("app.env:1") || blocked.stderr.contains("app.env:1"))
        #expect(try box.commitCount() == 2)
    }

    @Test func aFailingExistingHookBlocksTheCommit() throws {
        let box = try HookSandbox()
        try box.write(
            ".git/hooks/pre-commit", "#!/bin/sh\necho 'lint failed' >&2\nexit 3\n", mode: 0o755)
        #expect(try box.clayGuard(["install"]).status == 0)
        let result = try box.git(["commit", "-q", "--allow-empty", "-m", "x"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("lint failed"))
        #expect(try box.commitCount() == 1)
    }

    @Test func uninstallRestoresTheEarlierHookByteForByteWithItsMode() throws {
        let box = try HookSandbox()
        let hook = box.path + "/.git/hooks/pre-commit"
        try box.write(".git/hooks/pre-commit", teamHook + "# no newline at the end", mode: 0o750)
        let before = try Data(contentsOf: URL(fileURLWithPath: hook))
        #expect(try box.clayGuard(["install"]).status == 0)
        #expect(try box.clayGuard(["install"]).status == 0)
        #expect(try box.clayGuard(["install", "--uninstall"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: hook)) == before)
        let mode = try FileManager.default.attributesOfItem(atPath: hook)[.posixPermissions] as? Int
        #expect(mode == 0o750)
        let left = try FileManager.default.contentsOfDirectory(atPath: box.path + "/.git/hooks")
        #expect(!left.contains { $0.contains("clay-guard") })
    }

    @Test func uninstallWithoutAnEarlierHookRemovesOurs() throws {
        let box = try HookSandbox()
        #expect(try box.clayGuard(["install", "--hooks", "pre-commit,commit-msg"]).status == 0)
        #expect(try box.clayGuard(["install", "--uninstall"]).status == 0)
        for name in ["pre-commit", "commit-msg"] {
            #expect(!FileManager.default.fileExists(atPath: box.path + "/.git/hooks/" + name))
        }
    }

    @Test func aGlobalHooksPathIsWhereTheHookGoes() throws {
        let box = try HookSandbox()
        let home = box.repository.scratch + "/home"
        try FileManager.default.createDirectory(
            atPath: home + "/.githooks", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestRepository.gitEnvironment["HOME"]! + "/.gitconfig",
            toPath: home + "/.gitconfig")
        box.environment["HOME"] = home
        box.environment["XDG_CONFIG_HOME"] = home + "/.config"
        try box.git(["config", "--global", "core.hooksPath", "~/.githooks"])
        let install = try box.clayGuard(["install"])
        #expect(install.status == 0)
        #expect(install.stderr.contains("core.hooksPath (global configuration)"))
        #expect(FileManager.default.fileExists(atPath: home + "/.githooks/pre-commit"))
        try box.write("app.env", "CLAY_API_KEY=\(key)\n")
        try box.git(["add", "app.env"])
        #expect(try box.git(["commit", "-q", "-m", "leak"]).status != 0)
        #expect(try box.commitCount() == 1)
    }

    @Test func aRelativeHooksPathIsTakenFromTheWorkTreeRoot() throws {
        let box = try HookSandbox()
        try box.git(["config", "core.hooksPath", ".githooks"])
        try FileManager.default.createDirectory(
            atPath: box.path + "/src/deep", withIntermediateDirectories: true)
        #expect(try box.clayGuard(["install"], in: box.path + "/src/deep").status == 0)
        #expect(FileManager.default.fileExists(atPath: box.path + "/.githooks/pre-commit"))
        #expect(!FileManager.default.fileExists(atPath: box.path + "/src/deep/.githooks"))
        try box.write("src/app.env", "CLAY_API_KEY=\(key)\n")
        try box.git(["add", "src/app.env"])
        #expect(try box.git(["commit", "-q", "-m", "leak"], in: box.path + "/src").status != 0)
    }

    @Test func installingFromALinkedWorktreeGuardsEveryCheckout() throws {
        let box = try HookSandbox()
        let worktree = box.repository.scratch + "/wt"
        try box.git(["worktree", "add", "-q", worktree, "-b", "feature"])
        #expect(try box.clayGuard(["install"], in: worktree).status == 0)
        #expect(FileManager.default.fileExists(atPath: box.path + "/.git/hooks/pre-commit"))
        try "CLAY_API_KEY=\(key)\n".write(
            toFile: worktree + "/a.env", atomically: true, encoding: .utf8)
        try box.git(["add", "a.env"], in: worktree)
        #expect(try box.git(["commit", "-q", "-m", "leak"], in: worktree).status != 0)
        try box.write("b.env", "CLAY_API_KEY=\(key)\n")
        try box.git(["add", "b.env"])
        #expect(try box.git(["commit", "-q", "-m", "leak"]).status != 0)
    }

    @Test func huskyIsNotWrittenOverAndTheUserIsToldWhatToAdd() throws {
        let box = try HookSandbox()
        try box.git(["config", "core.hooksPath", ".husky/_"])
        let result = try box.clayGuard(["install"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Husky"))
        #expect(result.stderr.contains("add this line to .husky/pre-commit: clay-guard staged"))
        #expect(!FileManager.default.fileExists(atPath: box.path + "/.husky"))
    }

    @Test func thePreCommitFrameworksHookIsNotWrittenOver() throws {
        let box = try HookSandbox()
        let framework =
            "#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\nexit 0\n"
        try box.write(".git/hooks/pre-commit", framework, mode: 0o755)
        let result = try box.clayGuard(["install"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("pre-commit framework"))
        #expect(result.stderr.contains("entry: clay-guard staged"))
        #expect(try box.repository.read(".git/hooks/pre-commit") == framework)
    }

    @Test func theHookFailsClosedWhenClayGuardIsGone() throws {
        let box = try HookSandbox(binaryOnPath: false)
        let bin = box.repository.scratch + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ClayGuardBinary.path, toPath: bin + "/clay-guard")
        box.environment["PATH"] = bin + ":" + HookSandbox.systemPath
        #expect(try box.run(["clay-guard", "install"]).status == 0)
        try FileManager.default.removeItem(atPath: bin + "/clay-guard")
        let result = try box.git(["commit", "-q", "--allow-empty", "-m", "x"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("clay-guard was not found"))
        #expect(result.stderr.contains("git commit --no-verify"))
        #expect(result.stderr.contains("scripts/setup.sh"))
        #expect(try box.commitCount() == 1)
    }

    @Test func theHookFallsBackToThePathRecordedAtInstall() throws {
        let box = try HookSandbox(binaryOnPath: false)
        #expect(try box.clayGuard(["install"]).status == 0)
        #expect(try box.git(["commit", "-q", "--allow-empty", "-m", "clean"]).status == 0)
        try box.write("app.env", "CLAY_API_KEY=\(key)\n")
        try box.git(["add", "app.env"])
        let blocked = try box.git(["commit", "-q", "-m", "leak"])
        #expect(blocked.status == 1)
        #expect(!blocked.stderr.contains("not found"))
    }

    @Test func commitAllAndCommitPathAreBlocked() throws {
        let box = try HookSandbox()
        try box.write("app.env", "x=1\n")
        try box.write("other.txt", "notes\n")
        try box.git(["add", "."])
        try box.git(["commit", "-q", "-m", "init"])
        #expect(try box.clayGuard(["install"]).status == 0)
        try box.write("app.env", "x=1\nCLAY_API_KEY=\(key)\n")
        #expect(try box.git(["commit", "-a", "-q", "-m", "all"]).status != 0)
        try box.write("other.txt", "notes\nmore\n")
        try box.git(["add", "other.txt"])
        #expect(try box.git(["commit", "-q", "-m", "only app.env", "app.env"]).status != 0)
        #expect(try box.commitCount() == 2)
    }

    @Test func aKeyInTheCommitMessageIsBlocked() throws {
        let box = try HookSandbox()
        try box.write(
            ".git/hooks/commit-msg",
            "#!/bin/sh\necho \"$1\" > \"$(git rev-parse --git-dir)/msg.log\"\n", mode: 0o755)
        #expect(try box.clayGuard(["install", "--hooks", "commit-msg"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: box.path + "/.git/hooks/pre-commit"))
        let blocked = try box.git(["commit", "-q", "--allow-empty", "-m", "rotate \(key)"])
        #expect(blocked.status != 0)
        #expect(
            FileManager.default.fileExists(atPath: box.path + "/.git/msg.log"),
            "the earlier hook ran")
        #expect(try box.git(["commit", "-q", "--allow-empty", "-m", "rotate the key"]).status == 0)
        #expect(try box.commitCount() == 2)
    }

    @Test func anUnknownHookIsAUsageError() throws {
        let box = try HookSandbox()
        #expect(try box.clayGuard(["install", "--hooks", "pre-rebase"]).status == 64)
    }
}
