/// Recognises UTF-16 text and turns it into UTF-8 for scanning.
enum UTF16Text {
    /// The text as UTF-8 when `bytes` look like UTF-16 (a byte-order mark, or a NUL in every
    /// other byte of the first 512), else nil.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard bytes.count >= 4 else { return nil }
        var littleEndian: Bool
        var start = 0
        if bytes[0] == 0xFF, bytes[1] == 0xFE {
            littleEndian = true
            start = 2
        } else if bytes[0] == 0xFE, bytes[1] == 0xFF {
            littleEndian = false
            start = 2
        } else {
            let sample = min(bytes.count & ~1, 512)
            var evenNULs = 0, oddNULs = 0
            for index in stride(from: 0, to: sample, by: 2) {
                if bytes[index] == 0 { evenNULs += 1 }
                if bytes[index + 1] == 0 { oddNULs += 1 }
            }
            let pairs = sample / 2
            guard pairs >= 2 else { return nil }
            if oddNULs * 10 >= pairs * 9, evenNULs * 10 < pairs {
                littleEndian = true
            } else if evenNULs * 10 >= pairs * 9, oddNULs * 10 < pairs {
                littleEndian = false
            } else {
                return nil
            }
        }
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var index = start
        while index + 1 < bytes.count {
            let low = UInt16(bytes[index]), high = UInt16(bytes[index + 1])
            units.append(littleEndian ? high << 8 | low : low << 8 | high)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
