import CLibgit2

/// What went wrong in the git layer, in terms a user can act on.
public enum GitError: Error, Sendable, Equatable {
    case notARepository(path: String)
    case bareRepository
    case unsupportedObjectFormat(detail: String)
    case unknownRevision(String)
    case missingObject(id: String, detail: String)
    case corruptObject(id: String, detail: String)
    /// A libgit2 call failed; `function` names it, `message` is libgit2's own text.
    case library(function: String, code: Int32, message: String)

    /// A lowercase fragment that reads after `error:`.
    public var message: String {
        switch self {
        case .notARepository(let path): "not a git repository: \(path)"
        case .bareRepository: "this is a bare repository, which has no index to scan"
        case .unsupportedObjectFormat(let detail):
            "this repository uses an object format libgit2 cannot read (\(detail))"
        case .unknownRevision(let revision): "unknown revision '\(revision)'"
        case .missingObject(let id, let detail): "object \(id) is missing (\(detail))"
        case .corruptObject(let id, let detail): "object \(id) cannot be read (\(detail))"
        case .library(let function, let code, let message): "\(function) failed (\(code)): \(message)"
        }
    }

    /// A second line that says what to do, where there is something to do.
    public var hint: String? {
        switch self {
        case .notARepository:
            "run clay-guard inside a git work tree, or name one with --repo PATH"
        case .bareRepository:
            "run `clay-guard staged` in a work tree; `clay-guard history` works in a bare repository"
        case .unsupportedObjectFormat:
            "SHA-256 repositories are not supported yet; scan a SHA-1 clone, or use `git diff --cached` with another scanner meanwhile"
        case .unknownRevision:
            "check the name with `git rev-parse`; in a shallow clone, fetch more history (`git fetch --deepen`)"
        case .missingObject, .corruptObject:
            "run `git fsck`; in a shallow or partial clone, fetch the missing history first"
        case .library: nil
        }
    }
}

/// Checks a libgit2 return code, reading the thread's last error at once.
@discardableResult
func check(_ code: Int32, _ function: String) throws(GitError) -> Int32 {
    guard code < 0 else { return code }
    throw GitError.library(function: function, code: code, message: lastErrorMessage())
}

func lastErrorMessage() -> String {
    guard let error = git_error_last(), let text = error.pointee.message else {
        return "no detail from libgit2"
    }
    return String(cString: text)
}
