import Foundation
import TestSupport
import Testing

/// `.pre-commit-hooks.yaml` through the real pre-commit framework: the framework builds this
/// package with `language: swift` (offline: the package has no dependencies) and runs the hooks.
@Suite struct PreCommitFrameworkEndToEndTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static var preCommitIsOnPath: Bool {
        (try? Shell.run(["sh", "-c", "command -v pre-commit"], in: "/"))?.status == 0
    }

    let key = FakeSecrets.clayKey(seed: 81)

    /// A repository holding this package's current files (tracked and new, as the test build
    /// saw them), committed, so the framework can clone it at a revision.
    func sourceRepository(in scratch: String) throws -> (path: String, revision: String) {
        let source = scratch + "/clay-guard-source"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        let copy = try Shell.run(
            [
                "sh", "-c",
                """
                git -C "$1" ls-files -z -co --exclude-standard | (cd "$1" && xargs -0 tar -cf -) \
                  | tar -C "$2" -xf -
                """, "sh", Self.packageRoot, source,
            ], in: scratch)
        #expect(copy.status == 0, "\(copy.stderr)")
        // SwiftPM refuses a manifest whose test target has no files, and git keeps no empty
        // folder; a test target still without tests must not stop this test of the hooks.
        let files = FileManager.default
        for folder in try files.contentsOfDirectory(atPath: Self.packageRoot + "/Tests") {
            let copied = source + "/Tests/" + folder
            if (try? files.contentsOfDirectory(atPath: copied))?.isEmpty ?? true {
                try files.createDirectory(atPath: copied, withIntermediateDirectories: true)
                try "".write(toFile: copied + "/Empty.swift", atomically: true, encoding: .utf8)
            }
        }
        for arguments in [["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "source"]] {
            let result = try Shell.run(["git"] + arguments, in: source)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let revision = try Shell.run(["git", "rev-parse", "HEAD"], in: source).stdout
        return (source, revision.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test(.enabled(if: preCommitIsOnPath, "pre-commit is not on PATH (pip install pre-commit)"))
    func theFrameworkBuildsTheHooksAndBlocksAKey() throws {
        let repo = try TestRepository()
        let (source, revision) = try sourceRepository(in: repo.scratch)
        let environment = ["PRE_COMMIT_HOME": repo.scratch + "/pre-commit-cache"]
        func run(_ arguments: [String]) throws -> CommandResult {
            try Shell.run(arguments, in: repo.path, environment: environment)
        }
        try repo.commit(
            ".pre-commit-config.yaml",
            """
            repos:
              - repo: \(source)
                rev: \(revision)
                hooks:
                  - id: clay-guard
                  - id: clay-guard-commit-msg
            """)
        let install = try run([
            "pre-commit", "install", "--hook-type", "pre-commit", "--hook-type", "commit-msg",
        ])
        #expect(install.status == 0, "\(install.stderr)")
        let build = try run(["pre-commit", "install-hooks"])
        try #require(
            build.status == 0, "language: swift could not build: \(build.stdout) \(build.stderr)")

        try repo.write("app.env", "CLAY_API_KEY=\(key)\n")
        try repo.git(["add", "app.env"])
        let blocked = try run(["git", "commit", "-q", "-m", "leak"])
        #expect(blocked.status != 0)
        // git sends a hook's stdout to stderr.
        #expect(blocked.stderr.contains("app.env:1"), "\(blocked.stderr)")
        #expect(!blocked.stderr.contains(key))

        try repo.git(["rm", "-q", "--cached", "app.env"])
        try repo.write("README", "hello\n")
        try repo.git(["add", "README"])
        let message = try run(["git", "commit", "-q", "-m", "rotate \(key)"])
        #expect(message.status != 0, "the commit-msg hook let a key through")
        let clean = try run(["git", "commit", "-q", "-m", "readme"])
        #expect(clean.status == 0, "\(clean.stdout) \(clean.stderr)")

        // clay-guard's own installer leaves the framework's hook alone: it runs clay-guard already.
        let installed = try ClayGuardBinary.run(["install"], in: repo.path)
        #expect(installed.status == 0)
        #expect(installed.stderr.contains("runs clay-guard already"))
    }
}
