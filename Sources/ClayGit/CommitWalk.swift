/// The commits a sweep covers, parents before children.
public struct CommitSet: Sendable {
    public let commits: [Commit]
    /// True when the walk stopped at a shallow clone's boundary.
    public let reachedShallowBoundary: Bool
}

/// What to walk: commits reachable from `include` and not from `exclude`.
public struct WalkSpec: Sendable {
    public var include: [ObjectID]
    public var exclude: [ObjectID]

    public init(include: [ObjectID], exclude: [ObjectID] = []) {
        self.include = include
        self.exclude = exclude
    }
}

extension Repository {
    /// Every ref and HEAD, also a detached HEAD that no ref names.
    public func allTips() throws(GitError) -> [ObjectID] {
        var tips = try referenceTips().map(\.commit)
        if let head = try headCommit() { tips.append(head) }
        var seen = Set<ObjectID>()
        return tips.filter { seen.insert($0).inserted }
    }

    /// Walks the commits of `spec`; `message` sees each included commit's message once.
    ///
    /// Exclusion follows git's date-ordered walk: it stops once every commit left to look at is
    /// excluded, a few steps later to allow for clock skew. A skew larger than that can include
    /// an excluded commit, never leave out an included one.
    public func walk(
        _ spec: WalkSpec, message: (ObjectID, UnsafeBufferPointer<UInt8>) -> Void
    ) throws -> CommitSet {
        let boundary = isShallow ? shallowBoundary() : []
        var reachedBoundary = false
        var known: [ObjectID: Commit] = [:]
        var excluded = Set<ObjectID>()
        var queue = CommitQueue()
        func load(_ id: ObjectID, included: Bool) throws -> Commit {
            if let commit = known[id] { return commit }
            var commit = try self.commit(id) { bytes in if included { message(id, bytes) } }
            if boundary.contains(id) {
                commit.parents = []
                commit.isShallowBoundary = true
            }
            known[id] = commit
            return commit
        }
        for id in spec.exclude where excluded.insert(id).inserted {
            queue.push(try load(id, included: false))
        }
        for id in spec.include where !excluded.contains(id) {
            queue.push(try load(id, included: true))
        }
        var included: [ObjectID] = []
        var includedSet = Set<ObjectID>()
        var slop = 5
        while let commit = queue.pop() {
            let isExcluded = excluded.contains(commit.id)
            if isExcluded, !spec.exclude.isEmpty, !queue.hasIncluded(excludedBy: excluded) {
                slop -= 1
                if slop <= 0 { break }
            }
            if !isExcluded, includedSet.insert(commit.id).inserted {
                included.append(commit.id)
                if commit.isShallowBoundary { reachedBoundary = true }
            }
            for parent in commit.parents {
                if isExcluded {
                    guard excluded.insert(parent).inserted else { continue }
                    if known[parent] == nil || !includedSet.contains(parent) {
                        queue.push(try load(parent, included: false))
                    }
                } else if known[parent] == nil {
                    queue.push(try load(parent, included: true))
                }
            }
        }
        let chosen = included.filter { !excluded.contains($0) }.compactMap { known[$0] }
        return CommitSet(commits: Self.parentsFirst(chosen), reachedShallowBoundary: reachedBoundary)
    }

    /// Orders commits so that each comes after its parents within the set (Kahn's algorithm,
    /// oldest first among the ready ones, so the order does not depend on hashing).
    static func parentsFirst(_ commits: [Commit]) -> [Commit] {
        var position: [ObjectID: Int] = [:]
        for (index, commit) in commits.enumerated() { position[commit.id] = index }
        var pending = [Int](repeating: 0, count: commits.count)
        var children = [[Int]](repeating: [], count: commits.count)
        for (index, commit) in commits.enumerated() {
            for parent in commit.parents {
                guard let parentIndex = position[parent] else { continue }
                pending[index] += 1
                children[parentIndex].append(index)
            }
        }
        var ready = commits.indices.filter { pending[$0] == 0 }
            .sorted { commits[$0].committerTime > commits[$1].committerTime }
        var ordered: [Commit] = []
        ordered.reserveCapacity(commits.count)
        while let next = ready.popLast() {
            ordered.append(commits[next])
            for child in children[next] {
                pending[child] -= 1
                if pending[child] == 0 { ready.append(child) }
            }
        }
        return ordered
    }
}

/// Commits ordered newest first by committer time.
struct CommitQueue {
    private var heap: [Commit] = []

    mutating func push(_ commit: Commit) {
        heap.append(commit)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].committerTime > heap[parent].committerTime else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Commit? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = parent * 2 + 1, right = left + 1
            var largest = parent
            if left < heap.count, heap[left].committerTime > heap[largest].committerTime { largest = left }
            if right < heap.count, heap[right].committerTime > heap[largest].committerTime {
                largest = right
            }
            if largest == parent { break }
            heap.swapAt(parent, largest)
            parent = largest
        }
        return top
    }

    func hasIncluded(excludedBy excluded: Set<ObjectID>) -> Bool {
        heap.contains { !excluded.contains($0.id) }
    }
}
