import CLibgit2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an ignore file sits among git's sources of ignore rules.
public enum IgnoreOrigin: Sendable, Hashable {
    /// `core.excludesFile` (by default `~/.config/git/ignore`): this user's, on this machine.
    case excludesFile
    /// `.git/info/exclude`: this clone's alone.
    case infoExclude
    /// A `.gitignore` in `directory`, relative to the work tree; empty for the root.
    case gitignore(directory: String)
}

/// The lines of one ignore file.
public struct IgnoreFile: Sendable {
    public let origin: IgnoreOrigin
    /// The file's name as `git check-ignore -v` shows it.
    public let displayPath: String
    public let lines: [String]

    public init(origin: IgnoreOrigin, displayPath: String, bytes: [UInt8]) {
        self.origin = origin
        self.displayPath = displayPath
        // git skips a UTF-8 byte-order mark at the start of an ignore file.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        var split = body.split(separator: 10, omittingEmptySubsequences: false)
        if split.last?.isEmpty == true { split.removeLast() }
        // git drops one carriage return before each line feed, so a file saved on Windows works.
        lines = split.map { line in
            String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
        }
    }

    /// A `.gitignore` in `directory` (empty for the root).
    public init(gitignoreIn directory: String, bytes: [UInt8]) {
        let path = directory.isEmpty ? ".gitignore" : directory + "/.gitignore"
        self.init(origin: .gitignore(directory: directory), displayPath: path, bytes: bytes)
    }
}

/// One line of an ignore file, the one that decides a path.
public struct IgnoreRule: Sendable, Equatable {
    public let origin: IgnoreOrigin
    public let file: String
    /// 1-based.
    public let line: Int
    /// The line as written.
    public let text: String
    /// A `!` line: a path it decides is not ignored.
    public let isNegation: Bool
}

/// What git's ignore rules say about one path.
public struct IgnoreVerdict: Sendable, Equatable {
    public let isIgnored: Bool
    /// The deciding line; nil when no line matches.
    public let rule: IgnoreRule?
    /// Set when a directory above the path is excluded: git does not look inside it, so no rule
    /// can re-include the path, and the directory's rule decides.
    public let excludedDirectory: String?
}

/// A scratch repository in a temporary directory, for asking libgit2's ignore engine questions
/// that the user's repository cannot answer: what a fresh clone holding only some `.gitignore`
/// files would ignore, and whether one pattern alone matches a path.
public final class IgnoreSandbox {
    private let handle: OpaquePointer
    private let root: String

    /// Makes the repository and writes `gitignoreFiles` (directory relative to the work tree,
    /// empty for the root, and content) into its work tree. `core.excludesFile` points at an
    /// empty file, so the user's own excludes do not leak into the answers.
    public init(
        gitignoreFiles: [(directory: String, bytes: [UInt8])], ignoreCase: Bool
    ) throws(GitError) {
        Libgit2.initialize()
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        var template = Array(((base ?? "/tmp") + "/clay-guard-ignore-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .library(
                function: "mkdtemp", code: -1, message: "cannot make a scratch directory")
        }
        let root = String(cString: made)
        var opened: OpaquePointer?
        let code = git_repository_init(&opened, root + "/work", 0)
        guard code == 0, let opened else {
            let message = lastErrorMessage()
            Self.remove(root)
            throw .library(function: "git_repository_init", code: code, message: message)
        }
        handle = opened
        self.root = root
        try Self.writeFile(root + "/empty-excludes", [])
        try Self.writeFile(root + "/work/.git/info/exclude", [])
        var config: OpaquePointer?
        try check(git_repository_config(&config, handle), "git_repository_config")
        defer { git_config_free(config) }
        try check(
            git_config_set_string(config, "core.excludesfile", root + "/empty-excludes"),
            "git_config_set_string")
        try check(
            git_config_set_bool(config, "core.ignorecase", ignoreCase ? 1 : 0),
            "git_config_set_bool")
        // Index paths come from the repository; one that could lead out of the scratch
        // directory is no `.gitignore` git would read either.
        for file in gitignoreFiles where Self.isPlainRelative(file.directory) {
            let directory = root + "/work" + (file.directory.isEmpty ? "" : "/" + file.directory)
            try Self.makeDirectories(directory)
            try Self.writeFile(directory + "/.gitignore", file.bytes)
        }
    }

    deinit {
        git_repository_free(handle)
        Self.remove(root)
    }

    /// libgit2's verdict on `path` from the sandbox's `.gitignore` files.
    public func isIgnored(_ path: String) throws(GitError) -> Bool {
        try check(git_ignore_clear_internal_rules(handle), "git_ignore_clear_internal_rules")
        var ignored: Int32 = 0
        try check(git_ignore_path_is_ignored(&ignored, handle, path), "git_ignore_path_is_ignored")
        return ignored == 1
    }

    /// Whether `pattern`, written in a `.gitignore` at the root, matches `path` itself.
    ///
    /// libgit2 tries a path's parent directories when no rule matches the path, so a pattern
    /// would seem to match every path below a directory it names. A `!*` rule added first, and so
    /// weaker than `pattern`, matches every path and stops that walk: only `pattern` can answer.
    public func matches(pattern: String, path: String, isDirectory: Bool) throws(GitError) -> Bool {
        try check(git_ignore_clear_internal_rules(handle), "git_ignore_clear_internal_rules")
        try check(git_ignore_add_rule(handle, "!*\n" + pattern), "git_ignore_add_rule")
        var ignored: Int32 = 0
        let asked = isDirectory ? path + "/" : path
        try check(git_ignore_path_is_ignored(&ignored, handle, asked), "git_ignore_path_is_ignored")
        return ignored == 1
    }

    private static func isPlainRelative(_ directory: String) -> Bool {
        directory.isEmpty
            || directory.split(separator: "/", omittingEmptySubsequences: false)
                .allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && $0.lowercased() != ".git" }
    }

    private static func writeFile(_ path: String, _ bytes: [UInt8]) throws(GitError) {
        guard let file = fopen(path, "wb") else {
            throw .library(function: "fopen", code: -1, message: "cannot write \(path)")
        }
        defer { fclose(file) }
        if !bytes.isEmpty, fwrite(bytes, 1, bytes.count, file) != bytes.count {
            throw .library(function: "fwrite", code: -1, message: "cannot write \(path)")
        }
    }

    private static func makeDirectories(_ path: String) throws(GitError) {
        var current = ""
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw .library(function: "mkdir", code: -1, message: "cannot make \(current)")
            }
        }
    }

    /// Removes `path` and all it holds, following no symbolic link.
    private static func remove(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR, let directory = opendir(path) else {
            unlink(path)
            return
        }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { remove(path + "/" + name) }
        }
        closedir(directory)
        rmdir(path)
    }
}

/// Decides paths as git does, from the ignore files and a matcher that tries one pattern at a
/// time, and names the line that decides.
///
/// libgit2 answers yes or no but not which line decided, and in two places 1.5.1 answers
/// otherwise than git: it drops a `!` line that undoes no rule of its own file (so
/// `certs/.gitignore` with `!server.key` cannot re-include what the root's `*.key` excludes),
/// and it lets a `!` line re-include a file inside an excluded directory. Here each pattern is
/// matched by libgit2 alone, and git's order decides: `core.excludesFile`, then
/// `.git/info/exclude`, then the root `.gitignore`, then deeper ones; later lines win; and an
/// excluded directory decides for everything inside it.
public struct IgnoreEvaluator {
    private let excludes: [IgnoreFile]
    private let gitignores: [String: IgnoreFile]
    private let sandbox: IgnoreSandbox

    /// - Parameters:
    ///   - excludes: `core.excludesFile` then `.git/info/exclude`, the weaker first.
    ///   - gitignores: `.gitignore` files anywhere; only those above a path count for it.
    public init(excludes: [IgnoreFile], gitignores: [IgnoreFile], sandbox: IgnoreSandbox) {
        self.excludes = excludes
        var byDirectory: [String: IgnoreFile] = [:]
        for file in gitignores {
            if case .gitignore(let directory) = file.origin { byDirectory[directory] = file }
        }
        self.gitignores = byDirectory
        self.sandbox = sandbox
    }

    /// Git's verdict on the file at `path` (relative to the work tree, `/`-separated).
    public func verdict(for path: String) throws(GitError) -> IgnoreVerdict {
        let parts = path.split(separator: "/").map(String.init)
        var directories = [""]
        // As git descends, it asks whether each directory is excluded before reading the
        // `.gitignore` inside it, and stops at the first excluded one.
        for depth in 1..<max(parts.count, 1) {
            let directory = parts[..<depth].joined(separator: "/")
            if let rule = try lastMatch(directory, isDirectory: true, under: directories),
                !rule.isNegation
            {
                return IgnoreVerdict(isIgnored: true, rule: rule, excludedDirectory: directory)
            }
            directories.append(directory)
        }
        let rule = try lastMatch(path, isDirectory: false, under: directories)
        return IgnoreVerdict(
            isIgnored: rule.map { !$0.isNegation } ?? false, rule: rule, excludedDirectory: nil)
    }

    /// The strongest line that matches `path`, from the `.gitignore` files in `directories`
    /// (the root first) and then the excludes.
    private func lastMatch(
        _ path: String, isDirectory: Bool, under directories: [String]
    ) throws(GitError) -> IgnoreRule? {
        for directory in directories.reversed() {
            guard let file = gitignores[directory] else { continue }
            let relative = directory.isEmpty ? path : String(path.dropFirst(directory.count + 1))
            if let rule = try lastMatch(relative, isDirectory: isDirectory, in: file) {
                return rule
            }
        }
        for file in excludes.reversed() {
            if let rule = try lastMatch(path, isDirectory: isDirectory, in: file) { return rule }
        }
        return nil
    }

    private func lastMatch(
        _ path: String, isDirectory: Bool, in file: IgnoreFile
    ) throws(GitError) -> IgnoreRule? {
        for (index, line) in file.lines.enumerated().reversed() {
            guard let parsed = IgnorePattern(line) else { continue }
            // A pattern ending in `/` matches directories only; no need to ask.
            if parsed.isDirectoryOnly, !isDirectory { continue }
            if try sandbox.matches(pattern: parsed.pattern, path: path, isDirectory: isDirectory) {
                return IgnoreRule(
                    origin: file.origin, file: file.displayPath, line: index + 1, text: line,
                    isNegation: parsed.isNegation)
            }
        }
        return nil
    }
}

/// One line of an ignore file, read as git reads it.
struct IgnorePattern {
    /// The pattern without its `!`, escaped so that libgit2 reads it as one positive pattern.
    let pattern: String
    let isNegation: Bool
    let isDirectoryOnly: Bool

    init?(_ line: String) {
        var text = Substring(line)
        if text.isEmpty || text.hasPrefix("#") { return nil }
        isNegation = text.hasPrefix("!")
        if isNegation { text = text.dropFirst() }
        text = Self.trimmingTrailingSpaces(text)
        if text.isEmpty || text == "/" { return nil }
        // git never matches a pattern that ends in an unescaped backslash.
        if text.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1 { return nil }
        // git trims spaces only; a trailing tab, form feed, vertical tab or carriage return stays
        // part of the pattern, which libgit2 would strip. No file the audit asks about ends in
        // one, so such a line matches none of them.
        if let last = text.unicodeScalars.last, [0x09, 0x0B, 0x0C, 0x0D].contains(last.value) {
            return nil
        }
        isDirectoryOnly = text.hasSuffix("/")
        // After a `!`, git takes a leading `#` or `!` literally; libgit2, handed the rest alone,
        // would read a comment or another negation.
        pattern = text.hasPrefix("#") || text.hasPrefix("!") ? "\\" + text : String(text)
    }

    /// Drops trailing spaces unless a backslash escapes them, as git does.
    static func trimmingTrailingSpaces(_ text: Substring) -> Substring {
        var end = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                end = index
                continue
            }
            index = text.index(after: index)
            if character != " " { end = index }
        }
        return text[..<end]
    }
}

extension Repository {
    /// libgit2's verdict on `path` in this clone: the work tree's `.gitignore` files,
    /// `.git/info/exclude` and `core.excludesFile`. It says "ignored" for a tracked file too.
    public func isIgnored(_ path: String) throws(GitError) -> Bool {
        var ignored: Int32 = 0
        try check(git_ignore_path_is_ignored(&ignored, handle, path), "git_ignore_path_is_ignored")
        return ignored == 1
    }

    /// Whether `core.ignoreCase` is set, which makes ignore patterns match regardless of case.
    public func ignoresCase() throws(GitError) -> Bool {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var value: Int32 = 0
        let code = git_config_get_bool(&value, config, "core.ignorecase")
        if code == GIT_ENOTFOUND.rawValue { return false }
        try check(code, "git_config_get_bool")
        return value != 0
    }

    /// The file git reads as `core.excludesFile`, with `~` expanded; when unset, git's default,
    /// `$XDG_CONFIG_HOME/git/ignore` or `~/.config/git/ignore`.
    public func excludesFilePath() throws(GitError) -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = git_config_get_path(&buffer, config, "core.excludesfile")
        if code == 0, let text = buffer.ptr { return String(cString: text) }
        if code != GIT_ENOTFOUND.rawValue { try check(code, "git_config_get_path") }
        let environment = { (name: String) in getenv(name).map { String(cString: $0) } }
        if let xdg = environment("XDG_CONFIG_HOME"), !xdg.isEmpty { return xdg + "/git/ignore" }
        return environment("HOME").map { $0 + "/.config/git/ignore" }
    }

    /// The blob HEAD's tree holds at `path`; nil when it holds none or there is no commit yet.
    public func headBlob(at path: String) throws(GitError) -> ObjectID? {
        guard try headCommit() != nil else { return nil }
        var object: OpaquePointer?
        let code = git_revparse_single(&object, handle, "HEAD:" + path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_revparse_single")
        defer { git_object_free(object) }
        guard let object, git_object_type(object) == GIT_OBJECT_BLOB else { return nil }
        return ObjectID(git_object_id(object).pointee)
    }

    /// Stages the work tree's file at `path`, as `git add PATH` does.
    public func stage(_ path: String) throws(GitError) {
        guard !isBare else { throw .bareRepository }
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), "git_repository_index")
        defer { git_index_free(index) }
        try check(git_index_add_bypath(index, path), "git_index_add_bypath")
        try check(git_index_write(index), "git_index_write")
    }
}
