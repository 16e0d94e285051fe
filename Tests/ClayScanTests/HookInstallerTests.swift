import ClayScan
import Foundation
import TestSupport
import Testing

/// The installer's public API, as `clay-guard install` and `clay-guard audit` use it.
@Suite struct HookInstallerTests {
    let executable = "/usr/local/bin/clay-guard"

    func settings(_ repo: TestRepository) -> ScanSettings {
        ScanSettings(repositoryPath: repo.path)
    }

    func hookPath(_ repo: TestRepository, _ name: String = "pre-commit") -> String {
        repo.path + "/.git/hooks/" + name
    }

    @Test func installsThePreCommitHookByDefault() throws {
        let repo = try TestRepository()
        let result = try HookInstaller.install(settings(repo), executable: executable)
        #expect(result.changes.map(\.outcome) == [.installed])
        #expect(result.directory.setting == nil)
        let text = try String(contentsOfFile: hookPath(repo), encoding: .utf8)
        #expect(text.contains("recorded='\(executable)'"))
        #expect(FileManager.default.isExecutableFile(atPath: hookPath(repo)))
        let status = try HookInstaller.status(settings(repo))
        #expect(status.runner == .clayGuard && status.runsClayGuard && !status.chainsEarlierHook)
    }

    @Test func keepsAnEarlierHookAndInstallingTwiceIsLikeOnce() throws {
        let repo = try TestRepository()
        try repo.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
        let first = try HookInstaller.install(settings(repo), executable: executable)
        let afterFirst = try Data(contentsOf: URL(fileURLWithPath: hookPath(repo)))
        let second = try HookInstaller.install(settings(repo), executable: executable)
        #expect(first.changes.map(\.outcome) == [.chained])
        #expect(second.changes.map(\.outcome) == [.updated])
        #expect(try Data(contentsOf: URL(fileURLWithPath: hookPath(repo))) == afterFirst)
        #expect(try repo.read(".git/hooks/pre-commit.before-clay-guard") == "#!/bin/sh\nexit 0\n")
        #expect(try HookInstaller.status(settings(repo)).chainsEarlierHook)
    }

    @Test func uninstallPutsTheEarlierHookBackWithItsMode() throws {
        let repo = try TestRepository()
        let original = Data([
            0x23, 0x21, 0x2F, 0x62, 0x69, 0x6E, 0x2F, 0x73, 0x68, 0x0A, 0xFF, 0x00,
        ])
        try repo.write(".git/hooks/commit-msg", original)
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o741], ofItemAtPath: hookPath(repo, "commit-msg"))
        _ = try HookInstaller.install(
            settings(repo), hooks: [.commitMessage], executable: executable)
        let result = try HookInstaller.uninstall(settings(repo))
        #expect(result.changes.map(\.outcome) == [.absent, .restored, .absent])
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: hookPath(repo, "commit-msg"))) == original)
        let mode = try FileManager.default.attributesOfItem(atPath: hookPath(repo, "commit-msg"))[
            .posixPermissions]
        #expect(mode as? Int == 0o741)
        #expect(
            !FileManager.default.fileExists(
                atPath: hookPath(repo, "commit-msg") + HookInstaller.keptSuffix))
    }

    @Test func uninstallLeavesAHookThatIsNotOursAlone() throws {
        let repo = try TestRepository()
        try repo.write(".git/hooks/pre-commit", "#!/bin/sh\n")
        let result = try HookInstaller.uninstall(settings(repo), hooks: [.preCommit])
        #expect(result.changes.map(\.outcome) == [.notOurs])
        #expect(try repo.read(".git/hooks/pre-commit") == "#!/bin/sh\n")
    }

    @Test func aRelativeHooksPathIsRelativeToTheWorkTreeRoot() throws {
        let repo = try TestRepository()
        try repo.git(["config", "core.hooksPath", "tools/../.githooks"])
        let result = try HookInstaller.install(settings(repo), executable: executable)
        let root = try repo.git(["rev-parse", "--show-toplevel"]).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(result.directory.path == root + "/.githooks")
        #expect(result.directory.setting?.scope == "repository")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/.githooks/pre-commit"))
    }

    @Test(arguments: [".husky", ".husky/_"])
    func refusesToWriteIntoHusky(hooksPath: String) throws {
        let repo = try TestRepository()
        try repo.git(["config", "core.hooksPath", hooksPath])
        #expect {
            try HookInstaller.install(
                settings(repo), hooks: [.preCommit, .prePush], executable: executable)
        } throws: { error in
            let hint = (error as? ScanError)?.hint ?? ""
            return hint.contains("add this line to .husky/pre-commit: clay-guard staged")
                && hint.contains("add this line to .husky/pre-push: clay-guard pre-push \"$@\"")
        }
        #expect(
            !FileManager.default.fileExists(atPath: repo.path + "/" + hooksPath + "/pre-commit"))
        try repo.write(".husky/pre-commit", "npm test\nclay-guard staged\n")
        let status = try HookInstaller.status(settings(repo))
        #expect(status.runner == .husky && status.runsClayGuard)
    }

    @Test func refusesToWriteOverThePreCommitFrameworksHook() throws {
        let repo = try TestRepository()
        let framework =
            "#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\n"
        try repo.write(".git/hooks/pre-commit", framework)
        #expect {
            try HookInstaller.install(settings(repo), executable: executable)
        } throws: { error in
            (error as? ScanError)?.hint?.contains("entry: clay-guard staged") == true
        }
        #expect(try repo.read(".git/hooks/pre-commit") == framework)
        #expect(try HookInstaller.status(settings(repo)).runner == .preCommitFramework)
        #expect(try !HookInstaller.status(settings(repo)).runsClayGuard)
        try repo.write(
            ".pre-commit-config.yaml", "repos:\n- repo: local\n  hooks:\n  - id: clay-guard\n")
        #expect(try HookInstaller.status(settings(repo)).runsClayGuard)
        // Once the framework's configuration runs clay-guard, installing has nothing to add.
        let configured = try HookInstaller.install(settings(repo), executable: executable)
        #expect(configured.changes.map(\.outcome) == [.runByFramework])
        #expect(try repo.read(".git/hooks/pre-commit") == framework)
        // Only the hook the framework owns is refused.
        let other = try HookInstaller.install(
            settings(repo), hooks: [.prePush], executable: executable)
        #expect(other.changes.map(\.outcome) == [.installed])
    }

    @Test func statusSaysWhenNothingRunsClayGuard() throws {
        let repo = try TestRepository()
        #expect(try HookInstaller.status(settings(repo)).runner == .nothing)
        try repo.write(".git/hooks/pre-commit", "#!/bin/sh\nmake lint\n")
        let status = try HookInstaller.status(settings(repo))
        #expect(status.runner == .otherHook && !status.runsClayGuard)
    }
}
