import ClayScan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The two streams: the report alone on stdout, everything else on stderr.
public struct Console: Sendable {
    public var useColor: Bool
    public var quiet: Bool

    public init(color: Bool?, quiet: Bool) {
        let terminal = isatty(2) == 1
        let noColor = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
        useColor = color ?? (terminal && !noColor)
        if noColor { useColor = false }
        self.quiet = quiet
    }

    public static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// The report on stdout. A report that cannot be delivered (a closed pipe, a full disk)
    /// is an incomplete run, not a clean one.
    public func report(_ text: String) throws(ScanError) {
        guard write(1, text) else {
            throw .io(path: "standard output", reason: "the report could not be written (errno \(errno))")
        }
    }

    /// A note or summary on stderr; silent with `--quiet`.
    public func info(_ text: String) {
        guard !quiet else { return }
        write(2, text.hasSuffix("\n") ? text : text + "\n")
    }

    public func warning(_ text: String) {
        write(2, paint("warning:", 33) + " " + text + "\n")
    }

    public func error(_ message: String, hint: String?) {
        var text = paint("error:", 31) + " " + message + "\n"
        if let hint { text += "hint: " + hint + "\n" }
        write(2, text)
    }

    public func paint(_ text: String, _ code: Int) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    @discardableResult
    private func write(_ descriptor: Int32, _ text: String) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}
