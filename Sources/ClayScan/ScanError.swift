import ClayDetect
import ClayGit

/// Why a job could not complete. Every case ends in exit 2: a scan that did not finish is never
/// reported as clean.
public enum ScanError: Error, Sendable {
    case git(GitError)
    case config(keyPath: String, reason: String)
    case io(path: String, reason: String)
    case baseline(path: String, reason: String)
    case failed(String, hint: String?)

    public var message: String {
        switch self {
        case .git(let error): error.message
        case .config(let keyPath, let reason): "configuration: \(keyPath): \(reason)"
        case .io(let path, let reason): "\(path): \(reason)"
        case .baseline(let path, let reason): "baseline \(path): \(reason)"
        case .failed(let message, _): message
        }
    }

    public var hint: String? {
        switch self {
        case .git(let error): error.hint
        case .config: "fix the value in .clay-guard.json (or the file given with --config)"
        case .io: nil
        case .baseline: "make a new one with `clay-guard baseline --output FILE`"
        case .failed(_, let hint): hint
        }
    }

    /// Wraps any error thrown below this layer.
    public static func wrap(_ error: any Error) -> ScanError {
        switch error {
        case let error as ScanError: error
        case let error as GitError: .git(error)
        case let error as PatternError: .config(keyPath: "customRules", reason: error.description)
        case let error as MatchError:
            .failed(
                error.description,
                hint: "the scan did not complete; simplify the custom pattern, or report the file "
                    + "that caused it")
        default: .failed("\(error)", hint: nil)
        }
    }
}
