/// Finds every case-insensitive occurrence of a set of keywords in raw bytes, in one pass.
///
/// Each position costs one look-up of the lowercased byte pair in a 64 Ki table; only positions
/// whose pair begins some keyword are compared in full. Text without any keyword pair, which is
/// almost all text, never reaches a pattern engine.
public struct KeywordFilter: Sendable {
    public let keywords: [[UInt8]]
    /// For each lowercased byte pair, 1 + the index into `candidates`, or 0.
    private let pairTable: [UInt16]
    private let candidates: [[Int]]
    /// Keywords of one byte, checked per byte.
    private let singleByte: [Int]

    public init(keywords: [String]) {
        let folded = keywords.map { Array($0.lowercased().utf8) }
        self.keywords = folded
        var table = [UInt16](repeating: 0, count: 65_536)
        var lists: [[Int]] = []
        var single: [Int] = []
        for (index, word) in folded.enumerated() {
            guard word.count >= 2 else {
                if word.count == 1 { single.append(index) }
                continue
            }
            let key = Int(word[0]) << 8 | Int(word[1])
            if table[key] == 0 {
                lists.append([index])
                table[key] = UInt16(lists.count)
            } else {
                lists[Int(table[key]) - 1].append(index)
            }
        }
        pairTable = table
        candidates = lists
        singleByte = single
    }

    /// The keyword hits in `bytes`, as (keyword index, offset) pairs in offset order.
    public func hits(in bytes: UnsafeBufferPointer<UInt8>) -> [KeywordHit] {
        var found: [KeywordHit] = []
        let count = bytes.count
        guard count >= 1, let base = bytes.baseAddress else { return found }
        pairTable.withUnsafeBufferPointer { table in
            var previous = Int(Self.lowercase(base[0]))
            var index = 1
            while index < count {
                let current = Int(Self.lowercase(base[index]))
                let slot = Int(table[previous << 8 | current])
                if slot != 0 {
                    collect(slot - 1, at: index - 1, in: bytes, into: &found)
                }
                previous = current
                index += 1
            }
        }
        if !singleByte.isEmpty {
            for offset in 0..<count {
                for keyword in singleByte where Self.lowercase(base[offset]) == keywords[keyword][0] {
                    found.append(KeywordHit(keyword: keyword, offset: offset))
                }
            }
            found.sort { $0.offset < $1.offset }
        }
        return found
    }

    private func collect(
        _ list: Int, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>,
        into found: inout [KeywordHit]
    ) {
        for keyword in candidates[list] {
            let word = keywords[keyword]
            guard offset + word.count <= bytes.count else { continue }
            var same = true
            var position = 2
            while position < word.count {
                if Self.lowercase(bytes[offset + position]) != word[position] {
                    same = false
                    break
                }
                position += 1
            }
            if same { found.append(KeywordHit(keyword: keyword, offset: offset)) }
        }
    }

    @inline(__always)
    static func lowercase(_ byte: UInt8) -> UInt8 {
        byte &- 65 < 26 ? byte | 0x20 : byte
    }
}

/// One keyword occurrence.
public struct KeywordHit: Sendable, Equatable {
    public let keyword: Int
    public let offset: Int
}
