/// The parts of a commit the sweep needs, parsed from its raw bytes.
public struct Commit: Sendable {
    public let id: ObjectID
    public let tree: ObjectID
    /// Parents as the repository records them; empty for a root commit and at a shallow boundary.
    public var parents: [ObjectID]
    /// `Name <email>` of the author.
    public let author: String
    /// Author time, seconds since 1970, and the zone as git writes it (`+0200`).
    public let time: Int64
    public let timeZone: String
    public let committerTime: Int64
    /// True where a shallow clone cut the parents off.
    public var isShallowBoundary = false

    /// Parses a raw commit; `message` receives the message bytes.
    static func parse(
        id: ObjectID, bytes: UnsafeBufferPointer<UInt8>, message: (UnsafeBufferPointer<UInt8>) -> Void
    ) throws(GitError) -> Commit {
        var tree: ObjectID?
        var parents: [ObjectID] = []
        var author = ""
        var time: Int64 = 0
        var zone = "+0000"
        var committerTime: Int64 = 0
        var position = 0
        while position < bytes.count {
            var end = position
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            if end == position {
                position = end + 1
                break
            }
            let line = UnsafeBufferPointer(rebasing: bytes[position..<end])
            if line.starts(with: Self.treePrefix) {
                tree = ObjectID(hex: String(decoding: line.dropFirst(5), as: UTF8.self))
            } else if line.starts(with: Self.parentPrefix),
                let parent = ObjectID(hex: String(decoding: line.dropFirst(7), as: UTF8.self))
            {
                parents.append(parent)
            } else if line.starts(with: Self.authorPrefix) {
                (author, time, zone) = Self.signature(line.dropFirst(7))
            } else if line.starts(with: Self.committerPrefix) {
                committerTime = Self.signature(line.dropFirst(10)).1
            }
            position = end + 1
        }
        guard let tree else {
            throw .corruptObject(id: id.description, detail: "commit without a tree")
        }
        message(UnsafeBufferPointer(rebasing: bytes[min(position, bytes.count)...]))
        return Commit(
            id: id, tree: tree, parents: parents, author: author, time: time, timeZone: zone,
            committerTime: committerTime)
    }

    /// Splits `Name <email> 1700000000 +0200`.
    private static func signature(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> (String, Int64, String) {
        let value = String(decoding: text, as: UTF8.self)
        guard let close = value.lastIndex(of: ">") else { return (value, 0, "+0000") }
        let person = String(value[...close])
        let rest = value[value.index(after: close)...].split(separator: " ")
        let time = rest.first.flatMap { Int64($0) } ?? 0
        let zone = rest.count > 1 ? String(rest[1]) : "+0000"
        return (person, time, zone)
    }

    private static let treePrefix = Array("tree ".utf8)
    private static let parentPrefix = Array("parent ".utf8)
    private static let authorPrefix = Array("author ".utf8)
    private static let committerPrefix = Array("committer ".utf8)
}

extension Repository {
    /// Reads and parses one commit; `message` receives its message.
    public func commit(
        _ id: ObjectID, message: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }
    ) throws -> Commit {
        try withObject(id) { kind, bytes in
            guard kind == .commit else {
                throw GitError.corruptObject(id: id.description, detail: "not a commit")
            }
            return try Commit.parse(id: id, bytes: bytes, message: message)
        }
    }
}
