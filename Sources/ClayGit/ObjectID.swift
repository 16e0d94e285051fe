import CLibgit2

/// A SHA-1 object id as 20 bytes, hashable and cheap to copy.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var high: UInt64
    public var middle: UInt64
    public var low: UInt32

    public static let zero = ObjectID(high: 0, middle: 0, low: 0)

    public init(high: UInt64, middle: UInt64, low: UInt32) {
        self.high = high
        self.middle = middle
        self.low = low
    }

    /// Reads 20 raw bytes.
    public init(raw: UnsafeRawPointer) {
        high = UInt64(bigEndian: raw.loadUnaligned(as: UInt64.self))
        middle = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        low = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    }

    init(_ oid: git_oid) {
        var copy = oid
        self = withUnsafeBytes(of: &copy.id) { ObjectID(raw: $0.baseAddress!) }
    }

    /// Parses 40 hex digits.
    public init?(hex: some StringProtocol) {
        let digits = Array(hex.utf8)
        guard digits.count == 40 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 20)
        for index in 0..<20 {
            guard let upper = Self.nibble(digits[index * 2]), let lower = Self.nibble(digits[index * 2 + 1])
            else { return nil }
            bytes[index] = upper << 4 | lower
        }
        self = bytes.withUnsafeBytes { ObjectID(raw: $0.baseAddress!) }
    }

    var oid: git_oid {
        var value = git_oid()
        withUnsafeMutableBytes(of: &value.id) { raw in
            raw.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
        }
        return value
    }

    public var isZero: Bool { self == .zero }

    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(40)
        for (value, width) in [(high, 64), (middle, 64), (UInt64(low), 32)] {
            var shift = width - 4
            while shift >= 0 {
                text.append(digits[Int((value >> UInt64(shift)) & 15)])
                shift -= 4
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 48...57: digit - 48
        case 97...102: digit - 87
        case 65...70: digit - 55
        default: nil
        }
    }
}
