import ClayGit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The ignore audit: proves, by git's own ignore rules, that credential files are ignored by
/// rules every clone shares, and that none is tracked already.
///
/// "Shared" means the `.gitignore` files in the index: what the next commit carries, which after
/// a checkout is what HEAD holds. A rule that is staged but not committed passes, with a note;
/// `--fix` stages what it adds for that reason.
public enum IgnoreAudit {
    /// The kinds of credential file the audit knows.
    public enum Kind: String, Sendable, CaseIterable {
        case env = ".env"
        case envLocal = ".env.local"
        case envVariantLocal = ".env.*.local"
        case key = "*.key"
        /// The Clay CLI's credential file: it must never be tracked; no ignore rule is required.
        case clayCredentials = ".config/clay/config.json"

        /// The kinds that must be ignored; `pattern` is what `--fix` adds for each.
        public static let ignored: [Kind] = [.env, .envLocal, .envVariantLocal, .key]

        public var pattern: String { rawValue }

        /// Paths that stand for the kind, at the root and in sub-folders.
        var samples: [String] {
            switch self {
            case .env: [".env", "config/.env", "services/api/.env"]
            case .envLocal: [".env.local", "web/.env.local"]
            case .envVariantLocal:
                [".env.development.local", ".env.production.local", "web/.env.test.local"]
            case .key: ["server.key", "certs/server.key", "config/keys/private.key"]
            case .clayCredentials: []
            }
        }

        /// The file name that stands for the kind in a folder that has its own `.gitignore`.
        var sampleName: String? {
            switch self {
            case .env: ".env"
            case .envLocal: ".env.local"
            case .envVariantLocal: ".env.development.local"
            case .key: "server.key"
            case .clayCredentials: nil
            }
        }

        /// The kind a tracked file at `path` belongs to, if any. Names are read as git reads the
        /// patterns: `*` may be empty, so `.env..local` and `.key` count.
        public init?(trackedPath path: String) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let credentials = Self.clayCredentials.rawValue
            if path == credentials || path.hasSuffix("/" + credentials) {
                self = .clayCredentials
            } else if name == ".env" {
                self = .env
            } else if name == ".env.local" {
                self = .envLocal
            } else if name.hasPrefix(".env."), name.hasSuffix(".local"), name.utf8.count >= 11 {
                self = .envVariantLocal
            } else if name.hasSuffix(".key") {
                self = .key
            } else {
                return nil
            }
        }
    }

    /// How one requirement stands.
    public enum Status: String, Sendable {
        /// A shared rule ignores the path, and this clone ignores it too.
        case covered
        /// Nothing ignores the path (or a `!` line re-includes it).
        case notCovered = "not-covered"
        /// Only `.git/info/exclude`, `core.excludesFile` or an unstaged edit ignores the path:
        /// other clones would not.
        case coveredOnlyLocally = "covered-only-locally"
        /// The file is in the index: ignoring it changes nothing.
        case tracked
    }

    /// Whether the deciding rule reaches other clones.
    public enum Scope: String, Sendable {
        /// In a `.gitignore` that HEAD holds.
        case committed
        /// In a staged `.gitignore` that is not committed yet.
        case staged
        /// Only in this clone.
        case local
    }

    /// The line that decides a path.
    public struct DecidingRule: Sendable, Equatable {
        public let file: String
        public let line: Int
        public let text: String
        public let scope: Scope
        /// Set when the rule excludes this directory above the path.
        public let excludedDirectory: String?
        public let isNegation: Bool
    }

    /// One line of the report.
    public struct Requirement: Sendable {
        public let kind: Kind
        public let path: String
        public let status: Status
        /// The rule that decides the path; nil when none matches.
        public let rule: DecidingRule?
        /// What to do; nil when the requirement holds and nothing is left to do.
        public let fix: String?
        public var passed: Bool { status == .covered }
    }

    /// What `--fix` did.
    public struct FixOutcome: Sendable {
        public let file: String
        public let created: Bool
        public let addedPatterns: [String]
        public let staged: Bool
    }

    /// The audit's outcome.
    public struct Result: Sendable {
        public let requirements: [Requirement]
        public let fix: FixOutcome?
        public let notes: [String]
        public var passed: Bool { requirements.allSatisfy(\.passed) }
        public var failed: [Requirement] { requirements.filter { !$0.passed } }
    }

    /// Runs the audit; with `fix`, first adds the missing patterns to the root `.gitignore` and
    /// stages it, then audits the result.
    public static func run(
        _ settings: ScanSettings, fix: Bool = false
    ) throws(ScanError) -> Result {
        let repository = try settings.openRepository()
        guard let work = repository.workDirectory, !repository.isBare else {
            throw .failed(
                "this is a bare repository, which has no work tree or index to check",
                hint: "run `clay-guard ignore-check` in a clone with a work tree")
        }
        do {
            var outcome: FixOutcome?
            if fix {
                let before = try Audit(repository: repository, work: work).run()
                outcome = try applyFix(before, repository: repository, work: work)
            }
            let result = try Audit(repository: repository, work: work).run()
            return Result(
                requirements: result.requirements, fix: outcome,
                notes: result.notes + fixNotes(outcome, result))
        } catch {
            throw ScanError.wrap(error)
        }
    }

    private static func fixNotes(_ outcome: FixOutcome?, _ result: Result) -> [String] {
        guard let outcome else { return [] }
        var notes: [String] = []
        if outcome.addedPatterns.isEmpty {
            notes.append("--fix: \(outcome.file) needed no new pattern")
        } else {
            let added = outcome.addedPatterns.map { "`\($0)`" }.joined(separator: ", ")
            let verb = outcome.created ? "created" : "added to"
            notes.append("--fix: \(verb) \(outcome.file): \(added)")
        }
        if outcome.staged {
            notes.append(
                "--fix: staged \(outcome.file) (as `git add \(outcome.file)` does); "
                    + "commit it so that every clone ignores these files")
        }
        let tracked = result.requirements.filter { $0.status == .tracked }
        if !tracked.isEmpty {
            notes.append(
                "--fix never untracks or deletes a file; stop tracking "
                    + tracked.map(\.path).joined(separator: ", ") + " with `git rm --cached`")
        }
        return notes
    }

    /// Appends the patterns of the failing kinds to the root `.gitignore`, keeping every byte
    /// that is there, and stages the file.
    private static func applyFix(
        _ before: Result, repository: Repository, work: String
    ) throws -> FixOutcome {
        let path = work + ".gitignore"
        let exists = fileExists(path)
        let existing = exists ? try readFile(path) : []
        let failingKinds = Kind.ignored.filter { kind in
            before.requirements.contains {
                $0.kind == kind && ($0.status == .notCovered || $0.status == .coveredOnlyLocally)
            }
        }
        // A kind whose samples the root file alone already ignores gains nothing from another
        // copy of its pattern (its failure lies elsewhere): skipping it keeps --fix idempotent.
        let sandbox = try IgnoreSandbox(gitignoreFiles: [], ignoreCase: repository.ignoresCase())
        let rootOnly = IgnoreEvaluator(
            excludes: [], gitignores: [IgnoreFile(gitignoreIn: "", bytes: existing)],
            sandbox: sandbox)
        var missing: [Kind] = []
        for kind in failingKinds
        where try !kind.samples.allSatisfy({
            try rootOnly.verdict(for: $0).isIgnored
        }) {
            missing.append(kind)
        }
        let stagedRootRuleIsStale = before.requirements.contains {
            $0.status == .coveredOnlyLocally && $0.rule?.file == ".gitignore"
        }
        if !missing.isEmpty {
            try append(lines: missing.map(\.pattern), to: path, existing: existing)
        }
        let staged = !missing.isEmpty || stagedRootRuleIsStale
        if staged { try repository.stage(".gitignore") }
        return FixOutcome(
            file: ".gitignore", created: !exists && !missing.isEmpty,
            addedPatterns: missing.map(\.pattern), staged: staged)
    }

    /// The comment `--fix` writes once, above the patterns it adds.
    public static let fixComment =
        "# Credentials and keys stay out of git (clay-guard ignore-check --fix)"

    /// Appends `lines` after a comment, first ending the last line if it has no newline; the
    /// line ending follows the file's own.
    private static func append(lines: [String], to path: String, existing: [UInt8]) throws {
        let crlf = zip(existing, existing.dropFirst()).contains { $0 == (13, 10) }
        let newline = crlf ? "\r\n" : "\n"
        var text = ""
        if let last = existing.last, last != 10 { text += newline }
        let current = IgnoreFile(gitignoreIn: "", bytes: existing).lines
        if !current.contains(fixComment) { text += fixComment + newline }
        text += lines.map { $0 + newline }.joined()
        // A committed symlink named .gitignore must not send the patterns outside the repository.
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw ScanError.io(path: path, reason: writeFailure()) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                write(descriptor, $0.baseAddress, $0.count)
            }
            guard written > 0 else { throw ScanError.io(path: path, reason: "write failed") }
            offset += written
        }
    }
}

/// One pass of the audit over a repository.
private struct Audit {
    let repository: Repository
    let work: String

    func run() throws -> IgnoreAudit.Result {
        let entries = try repository.indexEntries()
        var notes: [String] = []
        var stagedIgnores: [String: [UInt8]] = [:]
        for entry in entries
        where entry.path == ".gitignore" || entry.path.hasSuffix("/.gitignore") {
            stagedIgnores[Self.directory(of: entry.path)] = try repository.objectBytes(entry.blob)
        }
        let paths = samplePaths(nestedIn: stagedIgnores.keys.filter { !$0.isEmpty }, notes: &notes)
        var directories: Set<String> = [""]
        for (_, path) in paths { directories.formUnion(Self.ancestors(of: path)) }
        let sandbox = try IgnoreSandbox(
            gitignoreFiles: stagedIgnores.map { ($0.key, $0.value) },
            ignoreCase: repository.ignoresCase())
        let stagedFiles = stagedIgnores.map { IgnoreFile(gitignoreIn: $0.key, bytes: $0.value) }
        let shared = IgnoreEvaluator(excludes: [], gitignores: stagedFiles, sandbox: sandbox)
        let local = IgnoreEvaluator(
            excludes: try localExcludes(), gitignores: try workTreeIgnores(directories),
            sandbox: sandbox)
        let committed = try committedEvaluator(
            stagedIgnores, directories: directories, sandbox: sandbox)
        var requirements: [IgnoreAudit.Requirement] = []
        for (kind, path) in paths {
            let verdicts = Verdicts(
                shared: try shared.verdict(for: path), local: try local.verdict(for: path),
                committed: try committed?.verdict(for: path))
            requirements.append(judge(path, kind: kind, verdicts))
            if let note = try engineDisagreement(path, verdicts, sandbox: sandbox) {
                notes.append(note)
            }
        }
        let stagedRules = requirements.filter { $0.passed && $0.rule?.scope == .staged }
        if !stagedRules.isEmpty {
            let files = Set(stagedRules.compactMap(\.rule?.file)).sorted().joined(separator: ", ")
            notes.append(
                "\(stagedRules.count) of these paths are covered by rules that are staged "
                    + "but not committed: commit \(files) so that other clones get them")
        }
        for entry in entries {
            guard let kind = IgnoreAudit.Kind(trackedPath: entry.path) else { continue }
            requirements.append(
                IgnoreAudit.Requirement(
                    kind: kind, path: entry.path, status: .tracked, rule: nil,
                    fix: "stop tracking it: `git rm --cached \(Self.quoted(entry.path))` and commit; "
                        + "it stays in history, so rotate what it holds and run `clay-guard history`"))
        }
        return IgnoreAudit.Result(requirements: requirements, fix: nil, notes: notes)
    }

    /// The sample paths of each kind, plus one per kind in each folder with its own `.gitignore`
    /// (where a `!` line could re-include it).
    private func samplePaths(
        nestedIn folders: [String], notes: inout [String]
    ) -> [(IgnoreAudit.Kind, String)] {
        let limit = 25
        let chosen = folders.sorted().prefix(limit)
        if folders.count > limit {
            notes.append(
                "\(folders.count) folders have a .gitignore; samples were placed in the "
                    + "first \(limit) only")
        }
        var paths: [(IgnoreAudit.Kind, String)] = []
        for kind in IgnoreAudit.Kind.ignored {
            var seen = Set(kind.samples)
            paths += kind.samples.map { (kind, $0) }
            for folder in chosen {
                guard let name = kind.sampleName else { continue }
                let path = folder + "/" + name
                if seen.insert(path).inserted { paths.append((kind, path)) }
            }
        }
        return paths
    }

    /// One path's verdicts: from the staged `.gitignore` files (what every clone gets), from all
    /// that this clone reads, and from HEAD's files when they differ from the staged ones.
    struct Verdicts {
        let shared: IgnoreVerdict
        let local: IgnoreVerdict
        let committed: IgnoreVerdict?

        /// Whether the shared rule is in HEAD too, or only staged.
        var sharedScope: IgnoreAudit.Scope {
            committed == nil || committed?.rule == shared.rule ? .committed : .staged
        }
    }

    private func judge(
        _ path: String, kind: IgnoreAudit.Kind, _ verdicts: Verdicts
    ) -> IgnoreAudit.Requirement {
        let sharedRule = deciding(verdicts.shared, scope: verdicts.sharedScope)
        // A rule this clone reads is shared when the staged files decide by the same line.
        let localRule = deciding(
            verdicts.local,
            scope: verdicts.local.rule == verdicts.shared.rule ? verdicts.sharedScope : .local)
        let status: IgnoreAudit.Status
        var fixes: [String] = []
        switch (verdicts.shared.isIgnored, verdicts.local.isIgnored) {
        case (true, true):
            if let sharedRule, sharedRule.scope == .staged {
                fixes.append("commit \(sharedRule.file) so that other clones get the rule")
            }
            return .init(
                kind: kind, path: path, status: .covered, rule: sharedRule, fix: fixes.first)
        case (false, true):
            status = .coveredOnlyLocally
            if let localRule, localRule.file.hasSuffix(".gitignore") {
                let file = localRule.file
                fixes.append(
                    "stage and commit \(file) (`git add \(Self.quoted(file))`): "
                        + "its rule is only in the work tree")
            } else {
                fixes.append(Self.addPattern(kind))
            }
        case (true, false):
            status = .notCovered
            if localRule == nil, let sharedRule {
                fixes.append(
                    "this work tree's \(sharedRule.file) lacks line \(sharedRule.line) "
                        + "`\(sharedRule.text)` of the staged copy; put it back "
                        + "(`git diff \(Self.quoted(sharedRule.file))` shows what changed)")
            }
        case (false, false):
            status = .notCovered
            if let sharedRule, sharedRule.isNegation {
                fixes.append(Self.undo(sharedRule, kind: kind))
            } else {
                fixes.append(Self.addPattern(kind))
            }
        }
        // A `!` line that only this clone reads must go as well, unless it is in the root
        // `.gitignore`, where the pattern added after it wins anyway.
        if let localRule, localRule.isNegation, localRule != sharedRule,
            localRule.file != ".gitignore" || status == .notCovered && verdicts.shared.isIgnored
        {
            fixes.append(Self.undo(localRule, kind: kind) + " in this clone")
        }
        return .init(
            kind: kind, path: path, status: status, rule: localRule ?? sharedRule,
            fix: fixes.joined(separator: "; and "))
    }

    static func addPattern(_ kind: IgnoreAudit.Kind) -> String {
        "add `\(kind.pattern)` to .gitignore and commit it "
            + "(`clay-guard ignore-check --fix` adds and stages it)"
    }

    /// How to defeat a `!` line: in the root `.gitignore`, a later line wins; elsewhere the line
    /// must go, since a deeper file or the user's own excludes beat the root.
    static func undo(_ rule: IgnoreAudit.DecidingRule, kind: IgnoreAudit.Kind) -> String {
        if rule.file == ".gitignore", rule.scope != .local {
            return "add `\(kind.pattern)` after line \(rule.line) of .gitignore, which re-includes "
                + "it (`clay-guard ignore-check --fix` appends it)"
        }
        return "remove line \(rule.line) of \(rule.file), which re-includes it"
    }

    private func deciding(
        _ verdict: IgnoreVerdict, scope: IgnoreAudit.Scope
    ) -> IgnoreAudit.DecidingRule? {
        guard let rule = verdict.rule else { return nil }
        var scope = scope
        if case .gitignore = rule.origin {} else { scope = .local }
        return IgnoreAudit.DecidingRule(
            file: rule.file, line: rule.line, text: rule.text, scope: scope,
            excludedDirectory: verdict.excludedDirectory, isNegation: rule.isNegation)
    }

    /// A note where libgit2's own whole-path answer differs from git's, which the report follows.
    private func engineDisagreement(
        _ path: String, _ verdicts: Verdicts, sandbox: IgnoreSandbox
    ) throws -> String? {
        let answers = [
            ("in this clone", try repository.isIgnored(path), verdicts.local),
            ("in a fresh clone", try sandbox.isIgnored(path), verdicts.shared),
        ]
        for (place, libgit2, git) in answers where libgit2 != git.isIgnored {
            let said = libgit2 ? "ignored" : "not ignored"
            let rule = git.rule.map { " by \($0.file):\($0.line) `\($0.text)`" } ?? ""
            return "\(path): libgit2 alone says \(said) \(place); git decides otherwise\(rule), "
                + "and the report follows git"
        }
        return nil
    }

    /// `core.excludesFile`, then `.git/info/exclude`: the weaker first.
    private func localExcludes() throws -> [IgnoreFile] {
        var files: [IgnoreFile] = []
        if let path = try repository.excludesFilePath(), fileExists(path) {
            let bytes = try readFile(path)
            files.append(
                IgnoreFile(origin: .excludesFile, displayPath: Self.shortened(path), bytes: bytes))
        }
        let common = repository.commonDirectory
        let exclude = common + (common.hasSuffix("/") ? "" : "/") + "info/exclude"
        if fileExists(exclude) {
            let shown = exclude.hasPrefix(work) ? String(exclude.dropFirst(work.count)) : exclude
            files.append(
                IgnoreFile(
                    origin: .infoExclude, displayPath: shown, bytes: try readFile(exclude)))
        }
        return files
    }

    private func workTreeIgnores(_ directories: Set<String>) throws -> [IgnoreFile] {
        var files: [IgnoreFile] = []
        for directory in directories {
            let path = work + (directory.isEmpty ? "" : directory + "/") + ".gitignore"
            guard fileExists(path) else { continue }
            files.append(IgnoreFile(gitignoreIn: directory, bytes: try readFile(path)))
        }
        return files
    }

    /// An evaluator over HEAD's `.gitignore` files, or nil when the index holds the same ones.
    private func committedEvaluator(
        _ staged: [String: [UInt8]], directories: Set<String>, sandbox: IgnoreSandbox
    ) throws -> IgnoreEvaluator? {
        var committed: [IgnoreFile] = []
        var differs = false
        for directory in directories.union(staged.keys) {
            let path = (directory.isEmpty ? "" : directory + "/") + ".gitignore"
            let bytes = try repository.headBlob(at: path).map { try repository.objectBytes($0) }
            if bytes != staged[directory] { differs = true }
            if let bytes { committed.append(IgnoreFile(gitignoreIn: directory, bytes: bytes)) }
        }
        guard differs else { return nil }
        return IgnoreEvaluator(excludes: [], gitignores: committed, sandbox: sandbox)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The folders above `path`, the root (empty) first.
    static func ancestors(of path: String) -> [String] {
        var result = [""]
        var current = ""
        for part in path.split(separator: "/").dropLast() {
            current += (current.isEmpty ? "" : "/") + part
            result.append(current)
        }
        return result
    }

    static func shortened(_ path: String) -> String {
        guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty,
            path.hasPrefix(home + "/")
        else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// Quotes a path for a shell command when it needs it.
    static func quoted(_ path: String) -> String {
        let plain = path.allSatisfy { $0.isLetter || $0.isNumber || "._-/+@".contains($0) }
        return plain ? path : "'" + path.map { $0 == "'" ? "'\\''" : String($0) }.joined() + "'"
    }
}
