import CLibgit2

/// A path-valued setting and the configuration file it came from.
public struct ConfigPathEntry: Sendable, Equatable {
    /// The value with a leading `~/` expanded, as git expands it; relative paths stay relative.
    public let path: String
    /// Where the value was set: `repository`, `global`, `system`, ...
    public let scope: String
}

extension Repository {
    /// A path setting such as `core.hooksPath` as git reads it (repository, global, system),
    /// with the scope that set it, so a user can be told which file to change; nil if unset.
    public func configPath(_ name: String) throws(GitError) -> ConfigPathEntry? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var entry: UnsafeMutablePointer<git_config_entry>?
        let code = git_config_get_entry(&entry, config, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_config_get_entry")
        guard let entry else { return nil }
        let level = entry.pointee.level
        git_config_entry_free(entry)
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check(git_config_get_path(&buffer, config, name), "git_config_get_path")
        let path = buffer.ptr.map { String(cString: $0) } ?? ""
        return ConfigPathEntry(path: path, scope: Self.scopeName(level))
    }

    static func scopeName(_ level: git_config_level_t) -> String {
        switch level {
        case GIT_CONFIG_LEVEL_LOCAL: "repository"
        case GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG: "global"
        case GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_PROGRAMDATA: "system"
        case GIT_CONFIG_LEVEL_APP: "application"
        default: "other"
        }
    }
}
