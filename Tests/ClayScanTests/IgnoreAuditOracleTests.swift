import ClayGit
import Foundation
import TestSupport
import Testing

/// The verdicts and deciding lines, checked against `git check-ignore --no-index -v` itself.
@Suite struct IgnoreAuditOracleTests {
    /// Lines the generator draws from: plain, wildcard, anchored, directory-only, `**`, negated,
    /// escaped, comments and blanks.
    static let patterns = [
        ".env", ".env*", "!.env", "!.env.local", ".env.local", ".env.*.local", ".env*.local",
        "*.local", "!*.local", "*.key", "!*.key", "!server.key", "/.env", "!/.env", "config/",
        "!config/", "config/*", "!config/.env", "**/.env", "config/**", "*.local/", "web/",
        "!web/", "!web/.env.local", "certs/*.key", "/certs/", "keys/", ".env.development.local",
        "!.env.development.local", "*", "!*/", ".env.?*.local", "[.]env", ".env.[dp]*.local",
        "**/certs/**", "web/**/.env*", "conf*/", "*/", "!.env*", "# comment", "", ".env   ",
        "\\!.env", "private.*", "!keys/private.key", "/*.key", "sub/", "!sub/server.key",
    ]

    static let folders = ["", "config", "web", "certs", "config/keys", "certs/sub"]

    static let paths = [
        ".env", "config/.env", "web/.env", "config/keys/.env", ".env.local", "web/.env.local",
        "config/.env.local", ".env.development.local", "web/.env.test.local", ".env.example",
        "server.key", "certs/server.key", "config/keys/private.key", "certs/sub/server.key",
        "web/.env.local.key", ".envrc", "config/app.json", "certs/sub/deep/.env.production.local",
    ]

    /// One generated case: the ignore files' lines, by folder, plus the two exclude files.
    struct Case {
        var gitignores: [String: [String]] = [:]
        var infoExclude: [String] = []
        var excludesFile: [String] = []

        var description: String {
            var parts = gitignores.sorted { $0.key < $1.key }.map {
                "\($0.key)/.gitignore: \($0.value)"
            }
            parts.append("info/exclude: \(infoExclude)")
            parts.append("excludesFile: \(excludesFile)")
            return parts.joined(separator: "; ")
        }
    }

    static func generate(_ count: Int) -> [Case] {
        var generator = SeededGenerator(seed: 0x1C0FFEE)
        func lines(_ most: Int) -> [String] {
            (0..<Int(generator.next() % UInt64(most + 1))).map { _ in
                patterns[Int(generator.next() % UInt64(patterns.count))]
            }
        }
        return (0..<count).map { _ in
            var generated = Case()
            for folder in folders where generator.next() % 3 != 0 {
                generated.gitignores[folder] = lines(4)
            }
            if generator.next() % 3 == 0 { generated.infoExclude = lines(2) }
            if generator.next() % 4 == 0 { generated.excludesFile = lines(2) }
            return generated
        }
    }

    /// git's answer for each path: the deciding source and line, or nil when none matches.
    typealias Answer = (file: String, line: Int, text: String)

    static func oracle(_ repo: TestRepository) throws -> [String: Answer?] {
        // It exits 1 when no path is ignored, and 0 even when a `!` line decides: read the lines.
        let result = try Shell.run(
            ["git", "check-ignore", "--no-index", "-v", "-n", "--stdin"], in: repo.path,
            input: paths.joined(separator: "\n") + "\n")
        try #require(result.status <= 1, "git check-ignore failed: \(result.stderr)")
        var answers: [String: Answer?] = [:]
        for row in result.stdout.split(separator: "\n") {
            let columns = row.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            let path = String(columns[1])
            if columns[0] == "::" {
                answers[path] = .some(nil)
                continue
            }
            let fields = columns[0].split(
                separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            answers[path] = (String(fields[0]), Int(fields[1]) ?? 0, String(fields[2]))
        }
        return answers
    }

    /// Builds the case as files and as evaluator input.
    static func build(_ generated: Case) throws -> (TestRepository, IgnoreEvaluator) {
        let repo = try TestRepository()
        let excludesPath = repo.scratch + "/excludes"
        try Data((generated.excludesFile.map { $0 + "\n" }.joined()).utf8)
            .write(to: URL(fileURLWithPath: excludesPath))
        try repo.git(["config", "core.excludesFile", excludesPath])
        let exclude = generated.infoExclude.map { $0 + "\n" }.joined()
        try repo.write(".git/info/exclude", exclude)
        var files: [IgnoreFile] = []
        var contents: [(directory: String, bytes: [UInt8])] = []
        for (folder, lines) in generated.gitignores {
            let text = lines.map { $0 + "\n" }.joined()
            try repo.write((folder.isEmpty ? "" : folder + "/") + ".gitignore", text)
            files.append(IgnoreFile(gitignoreIn: folder, bytes: Array(text.utf8)))
            contents.append((folder, Array(text.utf8)))
        }
        let sandbox = try IgnoreSandbox(gitignoreFiles: contents, ignoreCase: false)
        let evaluator = IgnoreEvaluator(
            excludes: [
                IgnoreFile(
                    origin: .excludesFile, displayPath: excludesPath,
                    bytes: Array(generated.excludesFile.map { $0 + "\n" }.joined().utf8)),
                IgnoreFile(
                    origin: .infoExclude, displayPath: ".git/info/exclude", bytes: Array(exclude.utf8)),
            ],
            gitignores: files, sandbox: sandbox)
        return (repo, evaluator)
    }

    @Test func verdictsAndDecidingLinesAgreeWithGitOverGeneratedCases() throws {
        var mismatches: [String] = []
        var compared = 0
        var reached: Set<String> = []
        for generated in Self.generate(160) {
            let (repo, evaluator) = try Self.build(generated)
            let answers = try Self.oracle(repo)
            for path in Self.paths {
                let verdict = try evaluator.verdict(for: path)
                let expected = try #require(answers[path])
                compared += 1
                reached.formUnion(Self.features(verdict))
                let gitIgnores = expected.map { !$0.text.hasPrefix("!") } ?? false
                let agrees =
                    verdict.isIgnored == gitIgnores
                    && verdict.rule?.file == expected?.file && verdict.rule?.line == expected?.line
                if !agrees {
                    let git = expected.map { "\($0.file):\($0.line) \($0.text)" } ?? "none"
                    let ours = verdict.rule.map { "\($0.file):\($0.line) \($0.text)" } ?? "none"
                    mismatches.append("\(path): git \(git), ours \(ours) in \(generated.description)")
                }
            }
        }
        #expect(compared == 160 * Self.paths.count)
        // The generated cases must reach every way a path can be decided, or agreement is cheap.
        #expect(
            reached == [
                "ignored", "not-ignored", "unmatched", "negation", "excluded-folder",
                "nested-file", "info-exclude", "excludes-file",
            ])
        #expect(mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(5))")
    }

    static func features(_ verdict: IgnoreVerdict) -> Set<String> {
        var found: Set<String> = [verdict.isIgnored ? "ignored" : "not-ignored"]
        guard let rule = verdict.rule else { return found.union(["unmatched"]) }
        if rule.isNegation { found.insert("negation") }
        if verdict.excludedDirectory != nil { found.insert("excluded-folder") }
        switch rule.origin {
        case .gitignore(let folder): if !folder.isEmpty { found.insert("nested-file") }
        case .infoExclude: found.insert("info-exclude")
        case .excludesFile: found.insert("excludes-file")
        }
        return found
    }

    /// Where libgit2's whole-path answer differs from git's, the difference is one of the two that
    /// `IgnoreEvaluator` documents, and the evaluator sides with git.
    @Test func libgit2DiffersFromGitOnlyInTheKnownWays() throws {
        var unexplained: [String] = []
        var known = 0
        for generated in Self.generate(160) {
            let (repo, evaluator) = try Self.build(generated)
            let repository = try Repository(path: repo.path)
            let answers = try Self.oracle(repo)
            for path in Self.paths {
                let expected = try #require(answers[path])
                let gitIgnores = expected.map { !$0.text.hasPrefix("!") } ?? false
                let libgit2 = try repository.isIgnored(path)
                guard libgit2 != gitIgnores else { continue }
                let verdict = try evaluator.verdict(for: path)
                #expect(verdict.isIgnored == gitIgnores)
                if Self.isKnownDifference(verdict, libgit2Ignores: libgit2) {
                    known += 1
                } else {
                    unexplained.append("\(path) in \(generated.description)")
                }
            }
        }
        #expect(unexplained.isEmpty, "\(unexplained.count) unexplained: \(unexplained.prefix(5))")
        // The generator must reach the differences, or this test proves nothing.
        #expect(known > 0)
    }

    /// libgit2 1.5.1 drops a `!` line without wildcards that undoes no earlier rule of its own
    /// file, and it stops at the first rule that matches a path before looking at the folders
    /// above, so a `!` line can re-include a file inside an excluded folder.
    static func isKnownDifference(_ verdict: IgnoreVerdict, libgit2Ignores: Bool) -> Bool {
        if !verdict.isIgnored, libgit2Ignores, let rule = verdict.rule, rule.isNegation {
            return true
        }
        return verdict.isIgnored && !libgit2Ignores && verdict.excludedDirectory != nil
    }

    @Test func aNegationInANestedFileReincludesAsInGitThoughLibgit2DropsIt() throws {
        let repo = try TestRepository()
        try repo.git(["config", "core.excludesFile", repo.scratch + "/none"])
        try repo.write(".gitignore", "*.key\n")
        try repo.write("certs/.gitignore", "!server.key\n")
        let git = try Shell.run(
            ["git", "check-ignore", "--no-index", "-v", "-n", "certs/server.key"], in: repo.path)
        #expect(git.stdout.hasPrefix("certs/.gitignore:1:!server.key"))
        #expect(try Repository(path: repo.path).isIgnored("certs/server.key"))
        let sandbox = try IgnoreSandbox(gitignoreFiles: [], ignoreCase: false)
        let evaluator = IgnoreEvaluator(
            excludes: [],
            gitignores: [
                IgnoreFile(gitignoreIn: "", bytes: Array("*.key\n".utf8)),
                IgnoreFile(gitignoreIn: "certs", bytes: Array("!server.key\n".utf8)),
            ],
            sandbox: sandbox)
        let verdict = try evaluator.verdict(for: "certs/server.key")
        #expect(!verdict.isIgnored)
        #expect(verdict.rule?.file == "certs/.gitignore" && verdict.rule?.line == 1)
    }

    @Test func aFileInsideAnExcludedFolderCannotBeReincluded() throws {
        let sandbox = try IgnoreSandbox(gitignoreFiles: [], ignoreCase: false)
        let evaluator = IgnoreEvaluator(
            excludes: [],
            gitignores: [IgnoreFile(gitignoreIn: "", bytes: Array("config/\n!config/.env\n".utf8))],
            sandbox: sandbox)
        let verdict = try evaluator.verdict(for: "config/.env")
        #expect(verdict.isIgnored)
        #expect(verdict.excludedDirectory == "config" && verdict.rule?.line == 1)
    }

    @Test func caseFollowsCoreIgnoreCase() throws {
        let folding = try IgnoreSandbox(gitignoreFiles: [], ignoreCase: true)
        let exact = try IgnoreSandbox(gitignoreFiles: [], ignoreCase: false)
        #expect(try folding.matches(pattern: ".ENV", path: ".env", isDirectory: false))
        #expect(try !exact.matches(pattern: ".ENV", path: ".env", isDirectory: false))
    }

    @Test func theVariantPatternDoesNotCoverEnvLocal() throws {
        let sandbox = try IgnoreSandbox(gitignoreFiles: [], ignoreCase: false)
        let file = { (pattern: String, path: String) throws in
            try sandbox.matches(pattern: pattern, path: path, isDirectory: false)
        }
        #expect(try !file(".env.*.local", ".env.local"))
        #expect(try file(".env*.local", ".env.local"))
        #expect(try file(".env.*.local", "web/.env.test.local"))
        // One pattern is asked about the path itself, never about the folders above it.
        #expect(try !file("config", "config/.env"))
        #expect(try sandbox.matches(pattern: "config", path: "config", isDirectory: true))
    }
}
