import CLibgit2

/// libgit2's process-wide set-up, done once.
public enum Libgit2 {
    private static let initialized: Bool = {
        git_libgit2_init()
        // libgit2 hashes every object it reads by default; git's own reads do not, and it cost
        // four fifths of a history sweep. A corrupt object still fails to inflate or parse.
        _ = clay_git_set_strict_hash_verification(0)
        return true
    }()

    /// Initialises libgit2; safe to call any number of times from any thread.
    public static func initialize() {
        _ = initialized
    }
}
