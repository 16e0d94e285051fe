import CAnchorScan

/// Finds every case-insensitive occurrence of a set of keywords in raw bytes, in one pass.
///
/// Each position costs one unaligned 4-byte load, a case fold, a multiplicative hash and a bit
/// test in an 8 KiB set that stays in the L1 cache; only positions whose folded four bytes begin
/// some keyword are compared in full. A pair-based table was tried first: common pairs (`co`,
/// `pa`, `ha`) sent one position in ten to the full comparison, and the filter cost twenty
/// instructions a byte.
public struct KeywordFilter: Sendable {
    public let keywords: [[UInt8]]
    /// Bit set over the hash of each folded 4-byte anchor.
    private let anchorBits: [UInt64]
    /// Exact folded anchor to the keywords that begin with it.
    private let anchors: [UInt32: [Int]]
    /// Keywords of one or two bytes, which no 4-byte anchor can stand for; checked per byte.
    private let shortKeywords: [Int]

    public init(keywords: [String]) {
        let folded = keywords.map { Array($0.lowercased().utf8) }
        self.keywords = folded
        var bits = [UInt64](repeating: 0, count: 1_024)
        var anchors: [UInt32: [Int]] = [:]
        var short: [Int] = []
        for (index, word) in folded.enumerated() {
            switch word.count {
            case 0: continue
            case 1, 2: short.append(index)
            case 3:
                // Any fourth byte may follow: one anchor for each folded value it can take.
                for next in 0...255 where UInt8(next) | 0x20 == UInt8(next) {
                    Self.insert(Self.anchor(word[0], word[1], word[2], UInt8(next)), index, &bits, &anchors)
                }
            default:
                Self.insert(Self.anchor(word[0], word[1], word[2], word[3]), index, &bits, &anchors)
            }
        }
        anchorBits = bits
        self.anchors = anchors
        shortKeywords = short
    }

    /// The keyword hits in `bytes`, as (keyword index, offset) pairs in offset order.
    public func hits(in bytes: UnsafeBufferPointer<UInt8>) -> [KeywordHit] {
        var found: [KeywordHit] = []
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return found }
        let raw = UnsafeRawPointer(base)
        if count >= 4 {
            var candidates = [Int](repeating: 0, count: 1_024)
            var next = 0
            while next + 4 <= count {
                let written = anchorBits.withUnsafeBufferPointer { bits in
                    candidates.withUnsafeMutableBufferPointer { out in
                        clay_anchor_scan(
                            base, count, next, bits.baseAddress, out.baseAddress, out.count, &next)
                    }
                }
                for index in 0..<written {
                    let offset = candidates[index]
                    let word =
                        UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                        | 0x2020_2020
                    guard let list = anchors[word] else { continue }
                    for keyword in list where matches(keyword, at: offset, in: bytes) {
                        found.append(KeywordHit(keyword: keyword, offset: offset))
                    }
                }
            }
        }
        // A 3-byte keyword in the last three bytes has no fourth byte to anchor on.
        for offset in max(0, count - 3)..<count {
            for (index, word) in keywords.enumerated()
            where word.count == 3 && matches(index, at: offset, in: bytes) {
                found.append(KeywordHit(keyword: index, offset: offset))
            }
        }
        if !shortKeywords.isEmpty {
            for offset in 0..<count {
                for keyword in shortKeywords where matches(keyword, at: offset, in: bytes) {
                    found.append(KeywordHit(keyword: keyword, offset: offset))
                }
            }
            found.sort { $0.offset < $1.offset }
        }
        return found
    }

    @inline(__always)
    private func matches(_ keyword: Int, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        keywords[keyword].withUnsafeBufferPointer { word in
            guard offset + word.count <= bytes.count else { return false }
            for position in 0..<word.count where Self.lowercase(bytes[offset &+ position]) != word[position] {
                return false
            }
            return true
        }
    }

    /// Folds as the scan loop does: `| 0x20` is exact for letters, and a prefilter may let a
    /// few other bytes through (DEL for `_`); `matches` then decides exactly.
    private static func anchor(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> UInt32 {
        (UInt32(a) | UInt32(b) << 8 | UInt32(c) << 16 | UInt32(d) << 24) | 0x2020_2020
    }

    private static func insert(
        _ anchor: UInt32, _ keyword: Int, _ bits: inout [UInt64], _ anchors: inout [UInt32: [Int]]
    ) {
        let hash = Int(clay_anchor_hash(anchor))
        bits[hash >> 6] |= 1 << UInt64(hash & 63)
        if anchors[anchor]?.contains(keyword) != true { anchors[anchor, default: []].append(keyword) }
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
