import ClayScan

/// Writes reports and cleanup files.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        try FileWriter.write(Array(text.utf8), to: path, mode: 0o644)
    }

    /// Cleanup files hold plaintext secrets: mode 0600 from the first byte.
    static func writeSecret(_ text: String, to path: String) throws {
        try FileWriter.write(Array(text.utf8), to: path, mode: 0o600)
    }
}
