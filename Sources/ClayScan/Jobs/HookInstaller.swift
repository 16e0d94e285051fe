import ClayGit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The git hooks clay-guard can install.
public enum HookKind: String, CaseIterable, Sendable {
    case preCommit = "pre-commit"
    case commitMessage = "commit-msg"
    case prePush = "pre-push"

    /// The line that runs clay-guard from a hook script another tool owns (Husky).
    public var commandLine: String {
        switch self {
        case .preCommit: "clay-guard staged"
        case .commitMessage: "clay-guard message \"$1\""
        case .prePush: "clay-guard pre-push \"$@\""
        }
    }
}

/// Installs clay-guard's hooks where git will run them, never losing a hook that was there:
/// an earlier hook is kept beside ours, runs first, and comes back byte for byte on uninstall.
public enum HookInstaller {
    /// The line that marks a hook script as clay-guard's.
    public static let marker = "# clay-guard-hook:"
    /// Appended to the name of an earlier hook kept by the installer; git runs only exact names.
    public static let keptSuffix = ".before-clay-guard"

    /// Where git looks for hooks, and why.
    public struct HooksDirectory: Sendable, Equatable {
        /// An absolute path, without a trailing slash.
        public let path: String
        /// The `core.hooksPath` setting that chose it; nil for the default `hooks` folder of the
        /// common git directory.
        public let setting: ConfigPathEntry?
        /// The folder Husky keeps its hook scripts in, when Husky owns the hooks directory.
        public let huskyFolder: String?
    }

    /// Who runs a hook.
    public enum Runner: String, Sendable, Equatable {
        case clayGuard = "clay-guard"
        case preCommitFramework = "pre-commit framework"
        case husky = "Husky"
        case otherHook = "another hook"
        case nothing = "nothing"
    }

    /// What runs one hook, for `clay-guard audit`.
    public struct HookStatus: Sendable, Equatable {
        public let hook: HookKind
        public let path: String
        public let runner: Runner
        /// Whether clay-guard runs on this hook: directly, from the framework's configuration or
        /// from Husky's script.
        public let runsClayGuard: Bool
        /// Whether an earlier hook is kept and runs before clay-guard's.
        public let chainsEarlierHook: Bool
    }

    /// What one install or uninstall did to one hook.
    public struct Change: Sendable, Equatable {
        public enum Outcome: Sendable, Equatable {
            /// Written where there was no hook.
            case installed
            /// Written after keeping the earlier hook, which now runs first.
            case chained
            /// clay-guard's hook was there already and was rewritten.
            case updated
            /// clay-guard's hook was removed and the earlier hook put back.
            case restored
            /// clay-guard's hook was removed; there was none before it.
            case removed
            /// Nothing of clay-guard's was there.
            case absent
            /// The hook there is not clay-guard's, so uninstall left it alone.
            case notOurs
            /// The pre-commit framework owns the hook and its configuration runs clay-guard.
            case runByFramework
        }

        public let hook: HookKind
        public let path: String
        public let outcome: Outcome
    }

    public struct Result: Sendable, Equatable {
        public let directory: HooksDirectory
        public let changes: [Change]
    }

    /// Installs `hooks`; installing again only refreshes clay-guard's scripts. `executable` is
    /// recorded in the scripts as the fallback when clay-guard is not on PATH.
    public static func install(
        _ settings: ScanSettings, hooks: [HookKind] = [.preCommit],
        executable: String? = currentExecutable()
    ) throws(ScanError) -> Result {
        let repository = try settings.openRepository()
        let directory = try hooksDirectory(repository)
        if let husky = directory.huskyFolder {
            throw refusal(
                hooks, owner: "Husky (core.hooksPath = \(directory.setting?.path ?? husky))",
                advice: huskyAdvice(hooks, folder: husky, repository: repository))
        }
        let framework = hooks.filter {
            runner(ofHookAt: path(directory, $0)) == .preCommitFramework
        }
        // Where the framework's configuration already runs clay-guard for each hook it owns,
        // there is nothing to add.
        let configuration = repository.workDirectory.flatMap { text($0 + ".pre-commit-config.yaml") } ?? ""
        let configured = framework.allSatisfy { frameworkRuns($0, configuration: configuration) }
        if !framework.isEmpty, !configured {
            throw refusal(
                framework, owner: "the pre-commit framework",
                advice: frameworkAdvice(framework))
        }
        for hook in hooks where runner(ofHookAt: path(directory, hook)) != .clayGuard {
            let kept = path(directory, hook) + keptSuffix
            if exists(kept) {
                throw .failed(
                    "\(kept) already exists, so the current \(hook.rawValue) hook cannot be kept "
                        + "beside it",
                    hint: "move one of the two hooks elsewhere, then run `clay-guard install` again"
                )
            }
        }
        try makeDirectory(directory.path)
        var changes: [Change] = []
        for hook in hooks where framework.contains(hook) {
            changes.append(Change(hook: hook, path: path(directory, hook), outcome: .runByFramework))
        }
        for hook in hooks where !framework.contains(hook) {
            let target = path(directory, hook)
            let outcome: Change.Outcome
            switch runner(ofHookAt: target) {
            case .clayGuard: outcome = .updated
            case .nothing where !exists(target): outcome = .installed
            default:
                try rename(target, to: target + keptSuffix)
                outcome = .chained
            }
            let script = HookScripts.script(for: hook, executable: executable)
            try replace(target, with: Array(script.utf8), mode: 0o755)
            changes.append(Change(hook: hook, path: target, outcome: outcome))
        }
        return Result(directory: directory, changes: changes)
    }

    /// Removes clay-guard's `hooks` and puts back, byte for byte and with its mode, whatever
    /// hook each one replaced.
    public static func uninstall(
        _ settings: ScanSettings, hooks: [HookKind] = HookKind.allCases
    ) throws(ScanError) -> Result {
        let repository = try settings.openRepository()
        let directory = try hooksDirectory(repository)
        var changes: [Change] = []
        for hook in hooks {
            let target = path(directory, hook)
            let kept = target + keptSuffix
            let outcome: Change.Outcome
            if runner(ofHookAt: target) != .clayGuard {
                outcome = exists(target) || isSymbolicLink(target) ? .notOurs : .absent
            } else if exists(kept) || isSymbolicLink(kept) {
                try rename(kept, to: target)
                outcome = .restored
            } else {
                guard unlink(target) == 0 else {
                    throw .io(path: target, reason: "cannot be removed")
                }
                outcome = .removed
            }
            changes.append(Change(hook: hook, path: target, outcome: outcome))
        }
        return Result(directory: directory, changes: changes)
    }

    /// What runs `hook` in the repository: clay-guard's own script, the pre-commit framework,
    /// Husky, some other hook, or nothing.
    public static func status(
        _ settings: ScanSettings, hook: HookKind = .preCommit
    ) throws(ScanError) -> HookStatus {
        let repository = try settings.openRepository()
        let directory = try hooksDirectory(repository)
        let target = path(directory, hook)
        if let husky = directory.huskyFolder {
            let script = husky + "/" + hook.rawValue
            return HookStatus(
                hook: hook, path: script, runner: .husky,
                runsClayGuard: text(script)?.contains("clay-guard") ?? false,
                chainsEarlierHook: false)
        }
        let runner = runner(ofHookAt: target)
        let runsClayGuard: Bool
        switch runner {
        case .clayGuard: runsClayGuard = true
        case .preCommitFramework:
            let configuration = repository.workDirectory.map { $0 + ".pre-commit-config.yaml" }
            let legacy = text(target + ".legacy") ?? ""
            runsClayGuard =
                frameworkRuns(hook, configuration: configuration.flatMap(text) ?? "")
                || legacy.contains(marker)
        case .husky, .otherHook, .nothing: runsClayGuard = false
        }
        return HookStatus(
            hook: hook, path: target, runner: runner, runsClayGuard: runsClayGuard,
            chainsEarlierHook: runner == .clayGuard && exists(target + keptSuffix))
    }

    /// The hooks directory as git finds it: `core.hooksPath` from any configuration scope
    /// (relative to the work tree root, or to the git directory of a bare repository), else the
    /// `hooks` folder of the common git directory, which linked worktrees share.
    public static func hooksDirectory(_ repository: Repository) throws(ScanError) -> HooksDirectory {
        let setting: ConfigPathEntry?
        do {
            setting = try repository.configPath("core.hooksPath")
        } catch {
            throw .git(error)
        }
        guard let setting, !setting.path.isEmpty else {
            let common = trimmingSlashes(repository.commonDirectory)
            return HooksDirectory(path: common + "/hooks", setting: nil, huskyFolder: nil)
        }
        var path = setting.path
        if !path.hasPrefix("/") {
            let base = repository.workDirectory ?? repository.gitDirectory
            path = trimmingSlashes(base) + "/" + path
        }
        path = normalized(path)
        return HooksDirectory(path: path, setting: setting, huskyFolder: huskyFolder(path))
    }

    /// The absolute path of the running executable, where the system can tell.
    public static func currentExecutable() -> String? {
        #if os(Linux)
            var buffer = [CChar](repeating: 0, count: 4096)
            let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            guard count > 0 else { return nil }
            return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
            let first = CommandLine.arguments.first ?? ""
            return first.hasPrefix("/") ? first : nil
        #endif
    }

    /// The lines to add to a `.pre-commit-config.yaml` so the framework runs clay-guard.
    /// Whether a `.pre-commit-config.yaml` runs clay-guard at `hook`: a hook of this project
    /// by its id, or a local hook whose entry calls the matching clay-guard command. Comments do
    /// not count, nor does a hook for another stage.
    static func frameworkRuns(_ hook: HookKind, configuration: String) -> Bool {
        let id =
            switch hook {
            case .preCommit: "clay-guard"
            case .commitMessage: "clay-guard-commit-msg"
            case .prePush: "clay-guard-pre-push"
            }
        let commands =
            switch hook {
            case .preCommit: ["clay-guard staged"]
            case .commitMessage: ["clay-guard message"]
            case .prePush: ["clay-guard pre-push", "clay-guard history"]
            }
        let trimmed = { (text: Substring, characters: String) -> Substring in
            text.drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed()
                .reduce(into: Substring()) { $0.append($1) }
        }
        for rawLine in configuration.split(whereSeparator: \.isNewline) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#"),
                hash == line.startIndex || line[line.index(before: hash)] == " "
            {
                line = line[..<hash]
            }
            let text = trimmed(line, " \t-")
            if text.hasPrefix("id:"), trimmed(text.dropFirst(3), " \t\"'") == id { return true }
            if text.hasPrefix("entry:"), commands.contains(where: { text.contains($0) }) { return true }
        }
        return false
    }

    public static func frameworkAdvice(_ hooks: [HookKind]) -> String {
        var lines = ["  - repo: local", "    hooks:"]
        for hook in hooks {
            switch hook {
            case .preCommit:
                lines += [
                    "      - id: clay-guard", "        name: clay-guard",
                    "        entry: clay-guard staged",
                ]
            case .commitMessage:
                // The framework hands a commit-msg hook the message file as its one filename.
                lines += [
                    "      - id: clay-guard-commit-msg", "        name: clay-guard (message)",
                    "        entry: clay-guard message", "        stages: [commit-msg]",
                ]
            case .prePush:
                lines += [
                    "      - id: clay-guard-pre-push", "        name: clay-guard (push)",
                    "        entry: \(prePushEntry)", "        stages: [pre-push]",
                ]
            }
            lines += [
                "        language: system",
                "        pass_filenames: \(hook == .commitMessage ? "true" : "false")",
                "        always_run: true",
            ]
        }
        return lines.joined(separator: "\n")
    }

    /// The framework reads git's pre-push lines itself and hands hooks only the first range, in
    /// PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF, or neither when the root commit is pushed.
    static let prePushEntry =
        "sh -c 'if [ -n \"${PRE_COMMIT_FROM_REF:-}\" ]; then exec "
        + "clay-guard history \"$PRE_COMMIT_FROM_REF..$PRE_COMMIT_TO_REF\"; else exec "
        + "clay-guard history \"${PRE_COMMIT_LOCAL_BRANCH:-HEAD}\"; fi'"

    static func huskyAdvice(_ hooks: [HookKind], folder: String, repository: Repository) -> String {
        let work = repository.workDirectory ?? ""
        return hooks.map { hook in
            var file = folder + "/" + hook.rawValue
            if !work.isEmpty, file.hasPrefix(work) { file.removeFirst(work.count) }
            return "add this line to \(file): \(hook.commandLine)"
        }.joined(separator: "\n")
    }

    static func refusal(_ hooks: [HookKind], owner: String, advice: String) -> ScanError {
        let names = hooks.map(\.rawValue).joined(separator: ", ")
        return .failed(
            "the \(names) hook\(hooks.count == 1 ? " is" : "s are") run by \(owner); "
                + "clay-guard does not write over them",
            hint: advice)
    }

    static func runner(ofHookAt path: String) -> Runner {
        guard let script = text(path) else {
            return isSymbolicLink(path) ? .otherHook : .nothing
        }
        if script.contains(marker) { return .clayGuard }
        if script.contains("File generated by pre-commit") || script.contains("pre-commit.com") {
            return .preCommitFramework
        }
        return .otherHook
    }

    /// Husky points `core.hooksPath` at `.husky` (up to version 8) or `.husky/_` (version 9, whose
    /// `_` scripts call the user's scripts in `.husky`).
    static func huskyFolder(_ path: String) -> String? {
        if path.hasSuffix("/.husky") { return path }
        if path.hasSuffix("/.husky/_") { return String(path.dropLast(2)) }
        return nil
    }

    static func path(_ directory: HooksDirectory, _ hook: HookKind) -> String {
        directory.path + "/" + hook.rawValue
    }

    static func text(_ path: String) -> String? {
        guard let bytes = try? FileBytes.read(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func exists(_ path: String) -> Bool {
        fileExists(path)
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    static func rename(_ from: String, to: String) throws(ScanError) {
        #if canImport(Glibc)
            let code = Glibc.rename(from, to)
        #else
            let code = Darwin.rename(from, to)
        #endif
        guard code == 0 else { throw .io(path: from, reason: "cannot be renamed to \(to)") }
    }

    /// Writes beside the target and renames, so git never runs a half-written hook.
    static func replace(_ path: String, with bytes: [UInt8], mode: mode_t) throws(ScanError) {
        let temporary = path + ".clay-guard-new"
        try writeFile(temporary, bytes, mode: mode)
        try rename(temporary, to: path)
    }

    static func makeDirectory(_ path: String) throws(ScanError) {
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw .io(path: prefix, reason: "cannot be created")
            }
        }
    }

    static func trimmingSlashes(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// Drops `.` and resolves `..` components, so messages show the path git means.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", !parts.isEmpty { parts.removeLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }
}
