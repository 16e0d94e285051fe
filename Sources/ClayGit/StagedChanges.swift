import CLibgit2

/// One path whose staged content differs from HEAD's.
public struct StagedChange: Sendable, Equatable {
    public enum Kind: Sendable { case file, submodule }
    public let path: String
    /// The blob HEAD has at this path; nil for a new file.
    public let oldBlob: ObjectID?
    public let newBlob: ObjectID
    public let kind: Kind
}

extension Repository {
    /// The paths the index adds or changes relative to HEAD (or to the empty tree before the
    /// first commit). Deletions are left out: removing a line never leaks it.
    public func stagedChanges() throws(GitError) -> [StagedChange] {
        guard !isBare else { throw .bareRepository }
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), "git_repository_index")
        defer { git_index_free(index) }
        let headTree = try headTree()
        defer { if let headTree { git_tree_free(headTree) } }
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        var diff: OpaquePointer?
        try check(git_diff_tree_to_index(&diff, handle, headTree, index, &options), "git_diff_tree_to_index")
        defer { git_diff_free(diff) }
        var changes: [StagedChange] = []
        for position in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, position)?.pointee else { continue }
            guard delta.status != GIT_DELTA_DELETED else { continue }
            let newFile = delta.new_file
            let newID = ObjectID(newFile.id)
            let oldID = delta.status == GIT_DELTA_ADDED ? nil : ObjectID(delta.old_file.id)
            if let oldID, oldID == newID { continue }
            let kind: StagedChange.Kind =
                newFile.mode == UInt16(GIT_FILEMODE_COMMIT.rawValue)
                ? .submodule : .file
            let path = String(cString: newFile.path)
            let oldIsFile = delta.old_file.mode != UInt16(GIT_FILEMODE_COMMIT.rawValue)
            changes.append(
                StagedChange(
                    path: path, oldBlob: oldIsFile ? oldID : nil, newBlob: newID, kind: kind))
        }
        return changes
    }

    /// The blob the index holds at `path`, if any.
    public func indexBlob(at path: String) throws(GitError) -> ObjectID? {
        guard !isBare else { return nil }
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), "git_repository_index")
        defer { git_index_free(index) }
        guard let entry = git_index_get_bypath(index, path, 0) else { return nil }
        return ObjectID(entry.pointee.id)
    }

    /// Every entry in the index, with its blob; a conflicted path appears once per stage.
    public func indexEntries() throws(GitError) -> [(path: String, blob: ObjectID)] {
        guard !isBare else { return [] }
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), "git_repository_index")
        defer { git_index_free(index) }
        var entries: [(String, ObjectID)] = []
        for position in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, position)?.pointee else { continue }
            entries.append((String(cString: entry.path), ObjectID(entry.id)))
        }
        return entries
    }

    /// The 1-based line ranges of `newBlob` that are not in `oldBlob`, as git's diff with no
    /// context sees them. Binary content is compared as text: a key inside a binary file is a leak.
    public func addedLines(old oldBlob: ObjectID?, new newBlob: ObjectID) throws(GitError)
        -> [ClosedRange<Int>]
    {
        let newHandle = try lookupBlob(newBlob)
        defer { git_blob_free(newHandle) }
        let oldHandle = try oldBlob.map { id throws(GitError) in try lookupBlob(id) }
        defer { if let oldHandle { git_blob_free(oldHandle) } }
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        options.context_lines = 0
        options.flags = GIT_DIFF_FORCE_TEXT.rawValue
        let collector = RangeCollector()
        let payload = Unmanaged.passUnretained(collector).toOpaque()
        let code = git_diff_blobs(
            oldHandle, nil, newHandle, nil, &options, nil, nil,
            { _, hunk, payload in
                guard let hunk, let payload else { return 0 }
                let collector = Unmanaged<RangeCollector>.fromOpaque(payload).takeUnretainedValue()
                let start = Int(hunk.pointee.new_start), count = Int(hunk.pointee.new_lines)
                if count > 0 { collector.ranges.append(start...(start + count - 1)) }
                return 0
            }, nil, payload)
        try check(code, "git_diff_blobs")
        return collector.ranges
    }

    private func lookupBlob(_ id: ObjectID) throws(GitError) -> OpaquePointer {
        var oid = id.oid
        var blob: OpaquePointer?
        let code = git_blob_lookup(&blob, handle, &oid)
        guard code == 0, let blob else {
            if code == GIT_ENOTFOUND.rawValue {
                throw .missingObject(id: id.description, detail: lastErrorMessage())
            }
            throw .corruptObject(id: id.description, detail: lastErrorMessage())
        }
        return blob
    }

    private func headTree() throws(GitError) -> OpaquePointer? {
        guard let head = try headCommit() else { return nil }
        var oid = head.oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, handle, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit), "git_commit_tree")
        return tree
    }
}

private final class RangeCollector {
    var ranges: [ClosedRange<Int>] = []
}
