import ClayScan

/// `clay-guard install [--hooks pre-commit,commit-msg,pre-push] [--uninstall]`.
enum InstallCommand {
    static func run(_ arguments: Arguments, _ console: Console) throws -> ExitCode {
        try ScanCommands.noPositional(arguments)
        let hooks = try hookKinds(arguments.hooks, uninstalling: arguments.uninstall)
        let settings = Commands.settings(arguments)
        let result =
            arguments.uninstall
            ? try HookInstaller.uninstall(settings, hooks: hooks)
            : try HookInstaller.install(settings, hooks: hooks)
        if let setting = result.directory.setting {
            console.info(
                "clay-guard: core.hooksPath (\(setting.scope) configuration) sends git to "
                    + "\(result.directory.path)"
                    + (setting.scope == "repository"
                        ? ""
                        : "; hooks there run in every repository "
                            + "that uses this configuration"))
        }
        for change in result.changes {
            console.info("clay-guard: \(describe(change))")
        }
        return .clean
    }

    /// Install defaults to the pre-commit hook; uninstall, to every hook clay-guard may have put.
    static func hookKinds(_ names: [String]?, uninstalling: Bool) throws -> [HookKind] {
        guard let names else { return uninstalling ? HookKind.allCases : [.preCommit] }
        var kinds: [HookKind] = []
        for name in names where !name.isEmpty {
            guard let kind = HookKind(rawValue: name) else {
                throw UsageError(
                    message: "--hooks takes pre-commit, commit-msg and pre-push, not '\(name)'")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        guard !kinds.isEmpty else { throw UsageError(message: "--hooks needs at least one hook") }
        return kinds
    }

    static func describe(_ change: HookInstaller.Change) -> String {
        let name = change.hook.rawValue
        let kept = change.path + HookInstaller.keptSuffix
        return switch change.outcome {
        case .installed: "installed the \(name) hook: \(change.path)"
        case .chained:
            "installed the \(name) hook: \(change.path); the earlier hook, kept as \(kept), runs first"
        case .updated: "the \(name) hook was installed already; refreshed \(change.path)"
        case .restored: "removed the \(name) hook and put back the earlier one: \(change.path)"
        case .removed: "removed the \(name) hook: \(change.path)"
        case .absent: "no \(name) hook of clay-guard's to remove"
        case .notOurs: "left \(change.path) alone: it is not clay-guard's hook"
        case .runByFramework:
            "the \(name) hook belongs to the pre-commit framework, whose configuration runs clay-guard already"
        }
    }
}
