import CLibgit2

/// libgit2's process-wide set-up, done once.
public enum Libgit2 {
    private static let initialized: Bool = {
        git_libgit2_init()
        // libgit2 hashes every object it reads by default; git's own reads do not, and it cost
        // four fifths of a history sweep. A corrupt object still fails to inflate or parse.
        _ = clay_git_set_strict_hash_verification(0)
        // Pack windows are mapped, not read; past this much mapped at once libgit2 unmaps the
        // least recently used, which keeps a sweep of a large repository's packs from counting
        // all of them in its resident memory.
        _ = clay_git_set_mwindow_mapped_limit(256 << 20)
        return true
    }()

    /// Initialises libgit2; safe to call any number of times from any thread.
    public static func initialize() {
        _ = initialized
    }
}
