#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

func fileExists(_ path: String) -> Bool {
    access(path, F_OK) == 0
}

/// Writes `bytes` to `path` with `mode`, replacing the file; the mode is set before any byte is
/// written, so a secret never sits in a file others can read.
/// File writing for the command line, with the same mode guarantee.
public enum FileWriter {
    public static func write(_ bytes: [UInt8], to path: String, mode: UInt32) throws(ScanError) {
        try writeFile(path, bytes, mode: mode_t(mode))
    }
}

func writeFile(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws(ScanError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
    guard descriptor >= 0 else { throw .io(path: path, reason: "cannot be written") }
    defer { close(descriptor) }
    fchmod(descriptor, mode)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written > 0 else { throw .io(path: path, reason: "write failed") }
        offset += written
    }
}
