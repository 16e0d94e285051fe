#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shannon entropy, in bits per character, of a value's bytes.
public func shannonEntropy(_ value: some Collection<UInt8>) -> Double {
    guard !value.isEmpty else { return 0 }
    var counts = [Int](repeating: 0, count: 256)
    for byte in value { counts[Int(byte)] += 1 }
    let total = Double(value.count)
    var bits = 0.0
    for count in counts where count > 0 {
        let share = Double(count) / total
        bits -= share * log2(share)
    }
    return bits
}
