import CPCRE2
import Synchronization

/// A compiled PCRE2 pattern that matches bytes, JIT-compiled when the platform allows.
///
/// PCRE2 rather than Swift's `Regex`: it works on raw bytes (blobs are not always UTF-8),
/// compiles in microseconds at start-up, and its JIT runs an order of magnitude faster.
/// The compiled code is read-only and shared between threads; each match call brings its own
/// match data.
public final class BytePattern: @unchecked Sendable {
    public let source: String
    private let options: UInt32
    /// Compiled on first use: a pre-commit hook usually needs no pattern at all, and compiling
    /// and JIT-compiling every rule up front cost more than the rest of a small scan.
    private let compiled = Mutex<Compiled?>(nil)

    private struct Compiled: @unchecked Sendable {
        let code: OpaquePointer
        let secretGroup: UInt32?
        let bodyGroup: UInt32?
    }

    /// Builds the pattern; `validate` compiles it once now so that a bad pattern (from a
    /// configuration file) fails here, with its offset, rather than at first use.
    public init(_ source: String, caseInsensitive: Bool = false, validate: Bool = true) throws(PatternError) {
        self.source = source
        options = caseInsensitive ? UInt32(PCRE2_CASELESS) : 0
        if validate {
            let code = try Self.compile(source, options: options)
            pcre2_code_free_8(code)
        }
    }

    deinit {
        compiled.withLock { if let code = $0?.code { pcre2_code_free_8(code) } }
    }

    private func code() -> Compiled? {
        compiled.withLock { state in
            if state == nil, let code = try? Self.compile(source, options: options) {
                pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE))
                state = Compiled(
                    code: code, secretGroup: Self.group(named: "secret", in: code),
                    bodyGroup: Self.group(named: "body", in: code))
            }
            return state
        }
    }

    private static func compile(_ source: String, options: UInt32) throws(PatternError) -> OpaquePointer {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = source.withCString { text in
            text.withMemoryRebound(to: UInt8.self, capacity: source.utf8.count) {
                pcre2_compile_8($0, source.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PatternError(pattern: source, offset: errorOffset, reason: message(errorCode))
        }
        return compiled
    }

    /// Every non-overlapping match in `bytes[range]`, with the `secret` and `body` groups resolved.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [PatternMatch] {
        guard let base = bytes.baseAddress, !range.isEmpty, let compiled = code() else { return [] }
        let code = compiled.code
        guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return [] }
        defer { pcre2_match_data_free_8(data) }
        var found: [PatternMatch] = []
        var start = range.lowerBound
        while start <= range.upperBound {
            let rc = pcre2_match_8(code, base, range.upperBound, start, 0, data, nil)
            if rc < 0 { break }
            let vector = pcre2_get_ovector_pointer_8(data)!
            let whole = vector[0]..<vector[1]
            let secret = span(compiled.secretGroup, vector) ?? whole
            let body = span(compiled.bodyGroup, vector)
            found.append(PatternMatch(whole: whole, secret: secret, body: body))
            start = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
        }
        return found
    }

    /// Whether the pattern matches anywhere in `bytes[range]`.
    public func test(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress, let compiled = code() else { return false }
        guard let data = pcre2_match_data_create_from_pattern_8(compiled.code, nil) else { return false }
        defer { pcre2_match_data_free_8(data) }
        return pcre2_match_8(compiled.code, base, range.upperBound, range.lowerBound, 0, data, nil) >= 0
    }

    /// Convenience for strings, used by configuration checks and tests.
    public func test(_ text: String) -> Bool {
        var copy = Array(text.utf8)
        return copy.withUnsafeMutableBufferPointer { test(UnsafeBufferPointer($0), range: 0..<$0.count) }
    }

    private func span(_ group: UInt32?, _ vector: UnsafeMutablePointer<Int>) -> Range<Int>? {
        guard let group else { return nil }
        let lower = vector[Int(group) * 2], upper = vector[Int(group) * 2 + 1]
        guard lower != clay_pcre2_unset(), upper >= lower else { return nil }
        return lower..<upper
    }

    private static func group(named name: String, in code: OpaquePointer) -> UInt32? {
        let number = name.withCString { text in
            text.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) {
                pcre2_substring_number_from_name_8(code, $0)
            }
        }
        return number > 0 ? UInt32(number) : nil
    }

    private static func message(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[..<Int(length)], as: UTF8.self) : "code \(code)"
    }
}

/// Byte ranges of one match: the whole match, the credential, and its random body if the pattern
/// names one.
public struct PatternMatch: Sendable, Equatable {
    public var whole: Range<Int>
    public var secret: Range<Int>
    public var body: Range<Int>?
}

/// A pattern that does not compile.
public struct PatternError: Error, Sendable, CustomStringConvertible {
    public let pattern: String
    public let offset: Int
    public let reason: String

    public var description: String {
        "pattern '\(pattern)' does not compile at offset \(offset): \(reason)"
    }
}
