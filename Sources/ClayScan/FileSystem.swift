#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the last `open` for writing failed, in words a user can act on.
func writeFailure() -> String {
    switch errno {
    case ELOOP: "is a symbolic link, and clay-guard does not write through links"
    case ENOENT: "cannot be written: its directory does not exist"
    case EACCES, EPERM: "cannot be written: permission denied"
    case EISDIR: "is a directory"
    default: "cannot be written (errno \(errno))"
    }
}

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
    // Never through a symbolic link: a repository can commit one where a report, a baseline or
    // a cleanup file is about to be written, aimed at a file of the user's.
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, mode)
    guard descriptor >= 0 else { throw .io(path: path, reason: writeFailure()) }
    defer { close(descriptor) }
    fchmod(descriptor, mode)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written > 0 else { throw .io(path: path, reason: "write failed") }
        offset += written
    }
}
