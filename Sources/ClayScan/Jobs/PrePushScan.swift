import ClayDetect
import ClayGit

/// The pre-push job: scans only the commits being pushed, from the lines git writes on stdin
/// (`<local ref> <local id> <remote ref> <remote id>`).
public enum PrePushScan {
    public struct Update: Sendable, Equatable {
        public let localRef: String
        public let local: String
        public let remoteRef: String
        public let remote: String
    }

    public static func parse(_ input: String) throws(ScanError) -> [Update] {
        var updates: [Update] = []
        for line in input.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 4 else {
                throw .failed(
                    "cannot read the pre-push line '\(line)'",
                    hint: "git writes '<local ref> <local id> <remote ref> <remote id>' per line")
            }
            updates.append(
                Update(localRef: fields[0], local: fields[1], remoteRef: fields[2], remote: fields[3]))
        }
        return updates
    }

    /// For an existing branch, remote..local; for a new one, what no tracking ref of the remote
    /// being pushed to reaches (a commit another remote has is not on this one); a deletion,
    /// nothing. Pushing to a URL rather than a named remote excludes nothing.
    public static func run(
        updates: [Update], remote: String?, settings: ScanSettings, jobs: Int
    ) throws(ScanError) -> HistoryScan.Result {
        let repository = try settings.openRepository()
        let context = try ScanContext.load(settings, repository: repository, fromIndex: false)
        var options = HistoryScan.Options(jobs: jobs)
        // git passes the remote's name, or the URL when the push names no remote.
        let names = (try? repository.remoteNames()) ?? []
        let trackedRemote = remote.flatMap { names.contains($0) ? $0 : nil }
        options.remoteName = trackedRemote
        for update in updates where !HistoryScan.isZero(update.local) {
            if HistoryScan.isZero(update.remote) {
                options.revisions.append(update.local)
                options.excludeRemoteTracking = trackedRemote != nil
            } else if let remote = ObjectID(hex: update.remote), repository.contains(remote) {
                options.revisions.append("\(update.remote)..\(update.local)")
            } else {
                // The remote has commits this clone never fetched (a force push): fall back to
                // what no remote-tracking ref reaches.
                options.revisions.append(update.local)
                options.excludeRemoteTracking = trackedRemote != nil
            }
        }
        guard !options.revisions.isEmpty else {
            return HistoryScan.Result(report: Report(kind: .range), secrets: [], secretFilePaths: [])
        }
        do {
            return try HistoryScan.sweep(repository, context: context, options: options, kind: .range)
        } catch {
            throw ScanError.wrap(error)
        }
    }
}
