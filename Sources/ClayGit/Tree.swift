/// A parsed tree: its raw bytes and the position of each entry in them.
public final class Tree: @unchecked Sendable {
    public struct Entry: Sendable {
        public let mode: UInt32
        let nameStart: Int32
        let nameEnd: Int32
        public let id: ObjectID

        public var isTree: Bool { mode == 0o040000 }
        public var isSubmodule: Bool { mode == 0o160000 }
        /// Regular files, executables and symlinks: content a secret can sit in.
        public var isBlob: Bool { !isTree && !isSubmodule }
    }

    let bytes: [UInt8]
    public let entries: [Entry]

    init(id: ObjectID, bytes raw: UnsafeBufferPointer<UInt8>) throws(GitError) {
        let copy = Array(raw)
        var parsed: [Entry] = []
        var position = 0
        while position < copy.count {
            var mode: UInt32 = 0
            while position < copy.count, copy[position] != 32 {
                mode = mode << 3 | UInt32(copy[position] &- 48)
                position += 1
            }
            let nameStart = position + 1
            var nameEnd = nameStart
            while nameEnd < copy.count, copy[nameEnd] != 0 { nameEnd += 1 }
            guard nameEnd + 21 <= copy.count else {
                throw .corruptObject(id: id.description, detail: "truncated tree entry")
            }
            let entryID = copy.withUnsafeBytes { ObjectID(raw: $0.baseAddress! + nameEnd + 1) }
            parsed.append(
                Entry(mode: mode, nameStart: Int32(nameStart), nameEnd: Int32(nameEnd), id: entryID))
            position = nameEnd + 21
        }
        bytes = copy
        entries = parsed
    }

    public func name(_ entry: Entry) -> String {
        String(decoding: bytes[Int(entry.nameStart)..<Int(entry.nameEnd)], as: UTF8.self)
    }

    /// Orders entries as git sorts them, a tree's name compared as if it ended in `/`.
    func compare(_ entry: Entry, with other: Entry, in otherTree: Tree) -> Int {
        bytes.withUnsafeBufferPointer { mine in
            otherTree.bytes.withUnsafeBufferPointer { theirs in
                let lengthA = Int(entry.nameEnd - entry.nameStart)
                let lengthB = Int(other.nameEnd - other.nameStart)
                let shared = min(lengthA, lengthB)
                let baseA = Int(entry.nameStart), baseB = Int(other.nameStart)
                for index in 0..<shared where mine[baseA + index] != theirs[baseB + index] {
                    return Int(mine[baseA + index]) - Int(theirs[baseB + index])
                }
                let nextA = lengthA > shared ? Int(mine[baseA + shared]) : (entry.isTree ? 47 : 0)
                let nextB = lengthB > shared ? Int(theirs[baseB + shared]) : (other.isTree ? 47 : 0)
                if nextA != nextB || lengthA == lengthB { return nextA - nextB }
                return lengthA - lengthB
            }
        }
    }
}

extension Repository {
    public func tree(_ id: ObjectID) throws -> Tree {
        try withObject(id) { kind, bytes in
            guard kind == .tree else {
                throw GitError.corruptObject(id: id.description, detail: "not a tree")
            }
            return try Tree(id: id, bytes: bytes)
        }
    }
}
