import ClayDetect
import ClayGit
import Synchronization

/// The history sweep: every blob any commit introduces, each read and scanned once, in parallel;
/// each distinct secret tied to the commit that introduced it.
public enum HistoryScan {
    public struct Options: Sendable {
        /// Revisions in git's syntax (`A..B`, `^A B`, `B`); empty: every ref and HEAD.
        public var revisions: [String] = []
        /// Include only what came after this commit.
        public var sinceCommit: String?
        /// Exclude everything reachable from a remote-tracking ref (a new branch's push).
        public var excludeRemoteTracking = false
        /// With `excludeRemoteTracking`, only this remote's tracking refs (`refs/remotes/NAME/`);
        /// nil for every remote.
        public var remoteName: String?
        public var jobs = 0
        public var progress: (@Sendable (Progress) -> Void)?
        /// Receives one line per phase with its duration (`--verbose`).
        public var timing: (@Sendable (String) -> Void)?

        public init(revisions: [String] = [], sinceCommit: String? = nil, jobs: Int = 0) {
            self.revisions = revisions
            self.sinceCommit = sinceCommit
            self.jobs = jobs
        }
    }

    public struct Progress: Sendable {
        public var phase: String
        public var done: Int
        public var total: Int
        public var bytes: Int
    }

    /// The report, plus what the cleanup files need.
    public struct Result: Sendable {
        public var report: Report
        /// Every finding before grouping (for the replacement files).
        public var secrets: [Finding]
        /// Paths of files that should leave history whole.
        public var secretFilePaths: [String]
    }

    public static func run(_ settings: ScanSettings, options: Options) throws(ScanError) -> Result {
        let repository = try settings.openRepository()
        let context = try ScanContext.load(settings, repository: repository, fromIndex: false)
        do {
            return try sweep(repository, context: context, options: options, kind: .history)
        } catch {
            throw ScanError.wrap(error)
        }
    }

    static func sweep(
        _ repository: Repository, context: ScanContext, options: Options, kind: Report.Kind
    ) throws -> Result {
        var report = Report(kind: kind)
        report.configuration = context.configuration
        var clock = PhaseClock(report: options.timing)
        let spec = try walkSpec(repository, options: options)
        let messages = Mutex<[ObjectID: [Finding]]>([:])
        let messageFailure = Mutex<MatchError?>(nil)
        let commitSet = try repository.walk(spec) { id, bytes in
            let found: [Finding]
            do throws(MatchError) {
                found = try context.detector.scan(bytes, path: nil)
            } catch {
                messageFailure.withLock { $0 = $0 ?? error }
                return
            }
            if !found.isEmpty { messages.withLock { $0[id] = found } }
        }
        if let failure = messageFailure.withLock({ $0 }) { throw failure }
        let commits = commitSet.commits
        clock.lap("walked \(commits.count) commits")
        report.scannedCommits = commits.count
        report.shallow = repository.isShallow
        if commitSet.reachedShallowBoundary {
            report.notes.append(
                "shallow clone: history stops at the boundary; a secret found there was introduced "
                    + "there or earlier (git fetch --unshallow to see further)")
        }
        let workers = options.jobs > 0 ? options.jobs : defaultWorkerCount()
        let introductions = try findIntroductions(
            repository, commits: commits, workers: workers, options: options)
        let blobs = distinctBlobs(introductions)
        clock.lap(
            "compared trees: \(introductions.reduce(0) { $0 + $1.count }) introductions, \(blobs.ids.count) distinct blobs"
        )
        let blobFindings = try scanBlobs(
            repository, blobs: blobs.ids, paths: blobs.firstPath, context: context, workers: workers,
            options: options, report: &report)
        clock.lap("read and scanned \(report.scannedBytes >> 20) MiB of blobs")
        let headBlobs = try blobsInHead(repository)
        let head = try repository.headCommit()
        var grouped = group(
            blobFindings, introductions: introductions, blobIndex: blobs.index, commits: commits,
            context: context, headBlobs: headBlobs)
        let chosen = Set(commits.map(\.id))
        for (index, commit) in commits.enumerated() {
            guard chosen.contains(commit.id), let found = messages.withLock({ $0[commit.id] }) else {
                continue
            }
            for finding in found {
                grouped.append(
                    Grouped(
                        finding: finding, commitIndex: index, commits: [commit.id], paths: [],
                        inHead: commit.id == head))
            }
        }
        if options.revisions.isEmpty, options.sinceCommit == nil {
            grouped += try referencedContent(
                repository, context: context, scanned: blobs.index, headBlobs: headBlobs,
                firstCommit: commits.count, report: &report)
        }
        let (kept, suppressed) = context.suppressor.apply(grouped.map(\.finding))
        report.suppressed = suppressed
        if let baseline = context.suppressor.baseline {
            report.staleBaselineEntries = baseline.staleCount(against: grouped.map(\.finding))
        }
        let keptFingerprints = Set(kept.map { "\($0.fingerprint)|\($0.path ?? "")|\($0.line)" })
        var secrets: [Finding] = []
        for entry in grouped.sorted(by: { $0.commitIndex < $1.commitIndex })
        where keptFingerprints.contains(
            "\(entry.finding.fingerprint)|\(entry.finding.path ?? "")|\(entry.finding.line)")
        {
            var finding = entry.finding
            if let level = context.configuration.severityOverrides[finding.rule] { finding.severity = level }
            let provenance: Provenance
            if entry.commitIndex < commits.count {
                let commit = commits[entry.commitIndex]
                provenance = Provenance(
                    commit: commit.id.description, author: commit.author,
                    date: ISODate.format(seconds: commit.time, zone: commit.timeZone), inHead: entry.inHead,
                    commits: entry.commits.map(\.description), paths: entry.paths,
                    atShallowBoundary: commit.isShallowBoundary)
            } else {
                // Content a reference names directly, outside any commit.
                provenance = Provenance(
                    commit: entry.reference ?? "", author: "", date: "", inHead: entry.inHead, commits: [],
                    paths: entry.paths, atShallowBoundary: false)
            }
            report.findings.append(context.report(finding, provenance: provenance))
            secrets.append(finding)
        }
        let secretFiles = Set(introductions.flatMap { $0.map(\.path) }.filter(CleanupPlan.isSecretFile))
        return Result(report: report, secrets: secrets, secretFilePaths: secretFiles.sorted())
    }

    /// Turns the options into the commits to include and exclude.
    static func walkSpec(_ repository: Repository, options: Options) throws -> WalkSpec {
        var spec = WalkSpec(include: [], exclude: [])
        for revision in options.revisions {
            if revision.contains("...") {
                throw ScanError.failed(
                    "'\(revision)': symmetric ranges (A...B) are not supported", hint: "use A..B, or ^A B")
            }
            if let (lower, upper) = splitRange(revision) {
                spec.include.append(try repository.resolveCommit(upper.isEmpty ? "HEAD" : upper))
                if !isZero(lower) {
                    spec.exclude.append(try repository.resolveCommit(lower.isEmpty ? "HEAD" : lower))
                }
            } else if revision.hasPrefix("^") {
                let lower = String(revision.dropFirst())
                if !isZero(lower) { spec.exclude.append(try repository.resolveCommit(lower)) }
            } else if !isZero(revision) {
                spec.include.append(try repository.resolveCommit(revision))
            }
        }
        if options.revisions.isEmpty || options.sinceCommit != nil && spec.include.isEmpty {
            spec.include = try repository.allTips()
        }
        if let since = options.sinceCommit, !isZero(since) {
            spec.exclude.append(try repository.resolveCommit(since))
        }
        if options.excludeRemoteTracking {
            let prefix = options.remoteName.map { "refs/remotes/\($0)/" } ?? "refs/remotes/"
            // A remote named `foo/bar` keeps its refs under refs/remotes/foo/bar/: they are not
            // the remote `foo`'s.
            let longer =
                try options.remoteName.map { name in
                    try repository.remoteNames().filter { $0.hasPrefix(name + "/") }.map {
                        "refs/remotes/\($0)/"
                    }
                } ?? []
            spec.exclude += try repository.referenceTips()
                .filter { tip in tip.name.hasPrefix(prefix) && !longer.contains { tip.name.hasPrefix($0) } }
                .map(\.commit)
        }
        return spec
    }

    /// `A..B` as (A, B); nil for anything else.
    static func splitRange(_ revision: String) -> (String, String)? {
        let characters = Array(revision)
        for index in 0..<max(0, characters.count - 1)
        where characters[index] == "." && characters[index + 1] == "." {
            return (String(characters[..<index]), String(characters[(index + 2)...]))
        }
        return nil
    }

    static func isZero(_ revision: String) -> Bool {
        revision.count == 40 && revision.allSatisfy { $0 == "0" }
    }

    struct Intro {
        let commitIndex: Int32
        let path: String
        let blob: ObjectID
    }

    /// Phase one: what each commit introduces, commits shared out in runs of consecutive
    /// commits so a parent's trees are usually still in the worker's cache.
    static func findIntroductions(
        _ repository: Repository, commits: [Commit], workers: Int, options: Options
    ) throws -> [[Intro]] {
        var treeOf: [ObjectID: ObjectID] = [:]
        for commit in commits { treeOf[commit.id] = commit.tree }
        let trees = treeOf
        let results = Mutex<[[Intro]]>([])
        let done = Atomic<Int>(0)
        let path = repository.gitDirectory
        let progress = options.progress
        let total = commits.count
        try runInParallel(
            items: commits.count, chunk: 64, workers: workers,
            makeState: { () throws -> (IntroducedBlobFinder, Repository, [Intro]) in
                let handle = try Repository(path: path)
                return (IntroducedBlobFinder(repository: handle), handle, [])
            },
            work: { state, index in
                let commit = commits[index]
                var parentTrees: [ObjectID] = []
                for parent in commit.parents {
                    if let tree = trees[parent] {
                        parentTrees.append(tree)
                    } else {
                        parentTrees.append(try state.1.commit(parent).tree)
                    }
                }
                for intro in try state.0.introduced(tree: commit.tree, parentTrees: parentTrees) {
                    state.2.append(Intro(commitIndex: Int32(index), path: intro.path, blob: intro.blob))
                }
                let count = done.wrappingAdd(1, ordering: .relaxed).newValue
                if count % 2_000 == 0 {
                    progress?(Progress(phase: "commits", done: count, total: total, bytes: 0))
                }
            },
            finish: { state in
                let found = state.2
                results.withLock { $0.append(found) }
            })
        return results.withLock { $0 }
    }

    struct BlobTable {
        var ids: [ObjectID] = []
        var firstPath: [String] = []
        var index: [ObjectID: Int] = [:]
    }

    static func distinctBlobs(_ introductions: [[Intro]]) -> BlobTable {
        var table = BlobTable()
        // Newest first: packs keep the newest version of a file whole and older ones as deltas
        // against it, so this order finds more delta bases still in libgit2's cache.
        let newestFirst = introductions.joined().sorted { $0.commitIndex > $1.commitIndex }
        for intro in newestFirst where table.index[intro.blob] == nil {
            table.index[intro.blob] = table.ids.count
            table.ids.append(intro.blob)
            table.firstPath.append(intro.path)
        }
        return table
    }

    /// Phase two: each distinct blob read and scanned once. Content findings do not depend on the
    /// path, except for severity by file kind, which is fixed up per path later.
    static func scanBlobs(
        _ repository: Repository, blobs: [ObjectID], paths: [String], context: ScanContext,
        workers: Int, options: Options, report: inout Report
    ) throws -> [Int: [Finding]] {
        let results = Mutex<[Int: [Finding]]>([:])
        let bytes = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let path = repository.gitDirectory
        let progress = options.progress
        let total = blobs.count
        try runInParallel(
            items: blobs.count, chunk: 16, workers: workers,
            makeState: { try Repository(path: path) },
            work: { handle, index in
                let found = try handle.withObject(blobs[index]) { _, content in
                    bytes.wrappingAdd(content.count, ordering: .relaxed)
                    return try context.detector.scan(content, path: paths[index])
                }
                if !found.isEmpty { results.withLock { $0[index] = found } }
                let count = done.wrappingAdd(1, ordering: .relaxed).newValue
                if count % 1_000 == 0 {
                    progress?(
                        Progress(
                            phase: "blobs", done: count, total: total,
                            bytes: bytes.load(ordering: .relaxed)))
                }
            },
            finish: { _ in })
        report.scannedFiles = blobs.count
        report.scannedBytes = bytes.load(ordering: .relaxed)
        return results.withLock { $0 }
    }

    static func blobsInHead(_ repository: Repository) throws -> Set<ObjectID> {
        guard let head = try repository.headCommit() else { return [] }
        let tree = try repository.commit(head).tree
        return Set(try IntroducedBlobFinder(repository: repository).allBlobs(tree: tree).map(\.blob))
    }

    struct Grouped {
        var finding: Finding
        var commitIndex: Int
        var commits: [ObjectID]
        var paths: [String]
        var inHead: Bool
        /// For content a reference names directly: the reference.
        var reference: String?
    }

    /// Blobs and trees that a reference names directly (`git tag NAME BLOB`), read and scanned
    /// unless a commit already brought the same blob.
    static func referencedContent(
        _ repository: Repository, context: ScanContext, scanned: [ObjectID: Int], headBlobs: Set<ObjectID>,
        firstCommit: Int, report: inout Report
    ) throws -> [Grouped] {
        var grouped: [Grouped] = []
        let finder = IntroducedBlobFinder(repository: repository)
        for reference in try repository.referencedContent() {
            let blobs =
                reference.isTree
                ? try finder.allBlobs(tree: reference.id).map { ($0.blob, reference.name + ":" + $0.path) }
                : [(reference.id, reference.name)]
            for (blob, path) in blobs where scanned[blob] == nil {
                let found = try repository.withObject(blob) { _, bytes in
                    report.scannedFiles += 1
                    report.scannedBytes += bytes.count
                    return try context.detector.scan(bytes, path: path)
                }
                for finding in found {
                    grouped.append(
                        Grouped(
                            finding: finding, commitIndex: firstCommit, commits: [], paths: [path],
                            inHead: headBlobs.contains(blob), reference: reference.name))
                }
            }
        }
        return grouped
    }

    /// Each distinct secret once: the earliest commit (parents come first) that introduced a blob
    /// holding it, every commit and path that did, and whether HEAD's tree holds it.
    static func group(
        _ blobFindings: [Int: [Finding]], introductions: [[Intro]], blobIndex: [ObjectID: Int],
        commits: [Commit], context: ScanContext, headBlobs: Set<ObjectID>
    ) -> [Grouped] {
        var bySecret: [String: Grouped] = [:]
        var order: [String] = []
        var all: [Intro] = []
        for list in introductions { all += list }
        all.sort { ($0.commitIndex, $0.path) < ($1.commitIndex, $1.path) }
        for intro in all {
            var found: [Finding] = []
            if let index = blobIndex[intro.blob], let content = blobFindings[index] { found = content }
            if let pathFinding = context.detector.scanPath(intro.path) { found.append(pathFinding) }
            if context.configuration.skips(intro.path) { continue }
            for var finding in found {
                finding.path = intro.path
                if let rule = context.detector.rules.first(where: { $0.id == finding.rule }) {
                    finding.severity = rule.severity(forPath: intro.path)
                }
                let key = finding.identity
                let commit = commits[Int(intro.commitIndex)].id
                if var entry = bySecret[key] {
                    if !entry.commits.contains(commit) { entry.commits.append(commit) }
                    if !entry.paths.contains(intro.path) { entry.paths.append(intro.path) }
                    entry.inHead = entry.inHead || headBlobs.contains(intro.blob)
                    bySecret[key] = entry
                } else {
                    order.append(key)
                    bySecret[key] = Grouped(
                        finding: finding, commitIndex: Int(intro.commitIndex), commits: [commit],
                        paths: [intro.path], inHead: headBlobs.contains(intro.blob))
                }
            }
        }
        return order.compactMap { bySecret[$0] }
    }
}

/// Measures the phases of a sweep for `--verbose`.
struct PhaseClock {
    let report: (@Sendable (String) -> Void)?
    private var last = ContinuousClock.now

    init(report: (@Sendable (String) -> Void)?) {
        self.report = report
    }

    mutating func lap(_ what: String) {
        guard let report else { return }
        let now = ContinuousClock.now
        let seconds =
            Double((now - last).components.attoseconds) / 1e18 + Double((now - last).components.seconds)
        report("\(what) in \((seconds * 100).rounded() / 100) s")
        last = now
    }
}

/// Formats git's author time as ISO 8601 in the author's zone.
enum ISODate {
    static func format(seconds: Int64, zone: String) -> String {
        let sign: Int64 = zone.hasPrefix("-") ? -1 : 1
        let digits = zone.drop { $0 == "+" || $0 == "-" }
        let value = Int64(digits) ?? 0
        let offset = sign * ((value / 100) * 3600 + (value % 100) * 60)
        let local = seconds + offset
        var days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondsOfDay = local - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ number: Int64) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let zoneText = "\(sign < 0 ? "-" : "+")\(two(value / 100)):\(two(value % 100))"
        return "\(year)-\(two(month))-\(two(day))T\(two(secondsOfDay / 3600)):"
            + "\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60))\(zoneText)"
    }
}
