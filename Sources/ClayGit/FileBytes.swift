#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small, dependency-free file reads for the few files git keeps outside its object database.
public enum FileBytes {
    public static func read(_ path: String) throws(GitError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw .library(function: "fopen", code: -1, message: "cannot open \(path)")
        }
        defer { fclose(file) }
        var status = stat()
        if fstat(fileno(file), &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw .library(function: "fopen", code: -1, message: "\(path) is a directory")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count > 0 { bytes.append(contentsOf: chunk[..<count]) }
            if count < chunk.count {
                if ferror(file) != 0 {
                    throw .library(function: "fread", code: -1, message: "cannot read \(path)")
                }
                break
            }
        }
        return bytes
    }
}
