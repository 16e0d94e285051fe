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

    /// Every non-overlapping match in `bytes[range]`, with the `secret` and `body` groups
    /// resolved (`body` only where it lies inside `secret`).
    ///
    /// An engine failure is an error, never "no match": a scan that could not look must not
    /// read as clean. Where the JIT runs out of stack the interpreter, which keeps its
    /// backtracking on the heap, tries again.
    public func matches(
        in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>
    ) throws(MatchError) -> [PatternMatch] {
        guard let base = bytes.baseAddress, !range.isEmpty, let compiled = code() else { return [] }
        guard let data = pcre2_match_data_create_from_pattern_8(compiled.code, nil) else {
            throw MatchError(pattern: source, code: PCRE2_ERROR_NOMEMORY)
        }
        defer { pcre2_match_data_free_8(data) }
        var found: [PatternMatch] = []
        var start = range.lowerBound
        while start <= range.upperBound {
            let rc = try run(compiled.code, base, range.upperBound, start, data)
            if rc == PCRE2_ERROR_NOMATCH { break }
            let vector = pcre2_get_ovector_pointer_8(data)!
            let whole = vector[0]..<vector[1]
            let secret = span(compiled.secretGroup, vector) ?? whole
            var body = span(compiled.bodyGroup, vector)
            if let inner = body, inner.lowerBound < secret.lowerBound || inner.upperBound > secret.upperBound
            {
                body = nil
            }
            found.append(PatternMatch(whole: whole, secret: secret, body: body))
            start = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
        }
        return found
    }

    /// Whether the pattern matches anywhere in `bytes[range]`.
    public func test(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) throws(MatchError) -> Bool {
        guard let base = bytes.baseAddress, let compiled = code() else { return false }
        guard let data = pcre2_match_data_create_from_pattern_8(compiled.code, nil) else {
            throw MatchError(pattern: source, code: PCRE2_ERROR_NOMEMORY)
        }
        defer { pcre2_match_data_free_8(data) }
        return try run(compiled.code, base, range.upperBound, range.lowerBound, data) != PCRE2_ERROR_NOMATCH
    }

    /// For strings (configuration values, short lines): an engine failure counts as a match,
    /// the cautious answer for the callers (an allow-list entry that cannot be judged allows
    /// nothing is the caller's choice; see `Suppressor`).
    public func test(_ text: String) throws(MatchError) -> Bool {
        var copy = Array(text.utf8)
        return try copy.withUnsafeMutableBufferPointer { buffer throws(MatchError) in
            try test(UnsafeBufferPointer(buffer), range: 0..<buffer.count)
        }
    }

    private func run(
        _ code: OpaquePointer, _ base: UnsafePointer<UInt8>, _ length: Int, _ start: Int,
        _ data: OpaquePointer
    ) throws(MatchError) -> Int32 {
        var rc = pcre2_match_8(code, base, length, start, 0, data, nil)
        if rc == PCRE2_ERROR_JIT_STACKLIMIT {
            rc = pcre2_match_8(code, base, length, start, UInt32(PCRE2_NO_JIT), data, nil)
        }
        if rc < 0, rc != PCRE2_ERROR_NOMATCH { throw MatchError(pattern: source, code: rc) }
        return rc < 0 ? PCRE2_ERROR_NOMATCH : rc
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

/// The pattern engine gave up on some text (a match or backtracking limit): the scan of that
/// text did not complete.
public struct MatchError: Error, Sendable, CustomStringConvertible {
    public let pattern: String
    public let code: Int32

    public var description: String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        let reason = length > 0 ? String(decoding: buffer[..<Int(length)], as: UTF8.self) : "code \(code)"
        return "the pattern '\(pattern)' could not be matched: \(reason)"
    }
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
