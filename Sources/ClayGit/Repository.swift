import CLibgit2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open repository. Owns its libgit2 handle; use one per thread (libgit2 objects must not be
/// shared between threads).
public final class Repository: @unchecked Sendable {
    let handle: OpaquePointer
    private let odb: OpaquePointer

    /// Opens the repository around `path`, or, when `path` is nil, the one git's environment
    /// names (GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE, ...), as git does inside a hook: `git commit
    /// -a` and `git commit PATH` hand the hook a temporary index that only the environment names.
    public init(path: String?) throws(GitError) {
        Libgit2.initialize()
        var opened: OpaquePointer?
        let code: Int32
        if path == nil, let workTree = Self.environment("GIT_WORK_TREE") {
            // libgit2 1.5 refuses GIT_WORK_TREE when opening from the environment; do what git
            // does with it by hand (`git --git-dir=... --work-tree=... commit`, dotfile setups).
            opened = try Self.openWithWorkTree(workTree)
            code = 0
        } else if let path {
            code = git_repository_open_ext(&opened, path, 0, nil)
        } else {
            code = git_repository_open_ext(&opened, nil, GIT_REPOSITORY_OPEN_FROM_ENV.rawValue, nil)
        }
        guard code == 0, let opened else {
            let message = lastErrorMessage()
            if message.contains("objectformat") || message.contains("extension") {
                throw .unsupportedObjectFormat(detail: message)
            }
            if code == GIT_ENOTFOUND.rawValue {
                throw .notARepository(path: path ?? Self.currentDirectory())
            }
            throw .library(function: "git_repository_open_ext", code: code, message: message)
        }
        var database: OpaquePointer?
        let odbCode = git_repository_odb(&database, opened)
        guard odbCode == 0, let database else {
            let message = lastErrorMessage()
            git_repository_free(opened)
            throw .library(function: "git_repository_odb", code: odbCode, message: message)
        }
        handle = opened
        odb = database
    }

    /// Opens another handle on the same repository, for another thread.
    public func reopen() throws(GitError) -> Repository {
        try Repository(path: gitDirectory)
    }

    deinit {
        git_odb_free(odb)
        git_repository_free(handle)
    }

    public var isBare: Bool { git_repository_is_bare(handle) == 1 }

    /// The work tree, with a trailing slash; nil in a bare repository.
    public var workDirectory: String? {
        git_repository_workdir(handle).map { String(cString: $0) }
    }

    /// The repository's own git directory (a linked worktree has its own).
    public var gitDirectory: String { String(cString: git_repository_path(handle)) }

    /// The git directory shared by all worktrees, where hooks and config live.
    public var commonDirectory: String { String(cString: git_repository_commondir(handle)) }

    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// The commits whose parents a shallow clone does not have.
    public func shallowBoundary() -> Set<ObjectID> {
        let path = commonDirectory + (commonDirectory.hasSuffix("/") ? "" : "/") + "shallow"
        guard let text = try? FileBytes.read(path) else { return [] }
        return Set(
            String(decoding: text, as: UTF8.self).split(whereSeparator: \.isNewline)
                .compactMap { ObjectID(hex: $0.trimmingWhitespace()) })
    }

    /// The commit HEAD points at; nil before the first commit.
    public func headCommit() throws(GitError) -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, handle, "HEAD")
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_reference_name_to_id")
        return ObjectID(oid)
    }

    /// Resolves a revision (`main`, `HEAD~2`, an id) to a commit.
    public func resolveCommit(_ revision: String) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        guard git_revparse_single(&object, handle, revision) == 0, let object else {
            throw .unknownRevision(revision)
        }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        guard git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0, let commit else {
            throw .unknownRevision(revision)
        }
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit).pointee)
    }

    /// Every reference's name and the commit it leads to (tags peeled); references that lead to
    /// no commit (a tag of a blob) are left out.
    public func referenceTips() throws(GitError) -> [(name: String, commit: ObjectID)] {
        var tips: [(String, ObjectID)] = []
        try forEachReference { name, reference in
            var peeled: OpaquePointer?
            guard git_reference_peel(&peeled, reference, GIT_OBJECT_COMMIT) == 0, let peeled else { return }
            tips.append((name, ObjectID(git_object_id(peeled).pointee)))
            git_object_free(peeled)
        }
        return tips
    }

    /// References that lead to a tree or a blob rather than a commit (`git tag NAME BLOB`): the
    /// content is reachable, and a sweep must read it.
    public func referencedContent() throws(GitError) -> [(name: String, id: ObjectID, isTree: Bool)] {
        var found: [(String, ObjectID, Bool)] = []
        try forEachReference { name, reference in
            var peeled: OpaquePointer?
            guard git_reference_peel(&peeled, reference, GIT_OBJECT_ANY) == 0, let peeled else { return }
            defer { git_object_free(peeled) }
            let type = git_object_type(peeled)
            guard type == GIT_OBJECT_TREE || type == GIT_OBJECT_BLOB else { return }
            found.append((name, ObjectID(git_object_id(peeled).pointee), type == GIT_OBJECT_TREE))
        }
        return found
    }

    /// Calls `body` with each reference's name and handle; the handle lives only during the call.
    private func forEachReference(_ body: (String, OpaquePointer) -> Void) throws(GitError) {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_new(&iterator, handle), "git_reference_iterator_new")
        defer { git_reference_iterator_free(iterator) }
        var reference: OpaquePointer?
        while true {
            let code = git_reference_next(&reference, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "git_reference_next")
            guard let current = reference else { continue }
            defer { git_reference_free(current) }
            body(String(cString: git_reference_name(current)), current)
        }
    }

    /// The names of the configured remotes.
    public func remoteNames() throws(GitError) -> [String] {
        var names = git_strarray()
        try check(git_remote_list(&names, handle), "git_remote_list")
        defer { git_strarray_dispose(&names) }
        return (0..<names.count).compactMap { names.strings[$0].map { String(cString: $0) } }
    }

    /// A configuration value as git would read it (repository, global, system); nil if unset.
    public func configString(_ name: String) throws(GitError) -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, config, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_config_get_string")
        return value.map { String(cString: $0) }
    }

    /// Calls `body` with an object's type and bytes; the bytes live only during the call.
    public func withObject<Result>(
        _ id: ObjectID, _ body: (ObjectKind, UnsafeBufferPointer<UInt8>) throws -> Result
    ) throws -> Result {
        var oid = id.oid
        var object: OpaquePointer?
        let code = git_odb_read(&object, odb, &oid)
        guard code == 0, let object else {
            let message = lastErrorMessage()
            if code == GIT_ENOTFOUND.rawValue {
                throw GitError.missingObject(id: id.description, detail: message)
            }
            throw GitError.corruptObject(id: id.description, detail: message)
        }
        defer { git_odb_object_free(object) }
        let size = git_odb_object_size(object)
        let data = git_odb_object_data(object)?.assumingMemoryBound(to: UInt8.self)
        let kind = ObjectKind(git_odb_object_type(object))
        return try body(kind, UnsafeBufferPointer(start: size == 0 ? nil : data, count: size))
    }

    /// An object's bytes, copied.
    public func objectBytes(_ id: ObjectID) throws -> [UInt8] {
        try withObject(id) { _, bytes in Array(bytes) }
    }

    /// Whether the object database holds `id`.
    public func contains(_ id: ObjectID) -> Bool {
        var oid = id.oid
        return git_odb_exists(odb, &oid) == 1
    }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    /// Opens GIT_DIR (or the repository around the current directory), then points it at
    /// GIT_WORK_TREE and, if set, at the index GIT_INDEX_FILE names.
    private static func openWithWorkTree(_ workTree: String) throws(GitError) -> OpaquePointer {
        var repository: OpaquePointer?
        let start = environment("GIT_DIR") ?? currentDirectory()
        let flags = environment("GIT_DIR") == nil ? 0 : GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue
        let code = git_repository_open_ext(&repository, start, flags, nil)
        guard code == 0, let repository else {
            if code == GIT_ENOTFOUND.rawValue { throw .notARepository(path: start) }
            throw .library(function: "git_repository_open_ext", code: code, message: lastErrorMessage())
        }
        do {
            try check(git_repository_set_workdir(repository, workTree, 0), "git_repository_set_workdir")
            if let indexPath = environment("GIT_INDEX_FILE") {
                var index: OpaquePointer?
                try check(git_index_open(&index, indexPath), "git_index_open")
                defer { git_index_free(index) }
                try check(git_repository_set_index(repository, index), "git_repository_set_index")
            }
        } catch {
            git_repository_free(repository)
            throw error
        }
        return repository
    }

    static func currentDirectory() -> String {
        guard let path = getcwd(nil, 0) else { return "." }
        defer { free(path) }
        return String(cString: path)
    }
}

/// The kinds of git object.
public enum ObjectKind: Sendable {
    case commit, tree, blob, tag, other

    init(_ type: git_object_t) {
        switch type {
        case GIT_OBJECT_COMMIT: self = .commit
        case GIT_OBJECT_TREE: self = .tree
        case GIT_OBJECT_BLOB: self = .blob
        case GIT_OBJECT_TAG: self = .tag
        default: self = .other
        }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return end > start ? text[start..<end] : text[start..<start]
    }
}
