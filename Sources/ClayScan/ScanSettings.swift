import ClayDetect
import ClayGit

/// What every job is given: where the repository is and how to judge findings.
public struct ScanSettings: Sendable {
    /// nil: the repository git's environment names, or the one around the current directory.
    public var repositoryPath: String?
    /// `--config FILE`; nil reads `.clay-guard.json` from the repository.
    public var configPath: String?
    public var baselinePath: String?
    public var jobs = 0

    public init(repositoryPath: String? = nil, configPath: String? = nil, baselinePath: String? = nil) {
        self.repositoryPath = repositoryPath
        self.configPath = configPath
        self.baselinePath = baselinePath
    }

    public func openRepository() throws(ScanError) -> Repository {
        do {
            return try Repository(path: repositoryPath)
        } catch {
            throw .git(error)
        }
    }
}

/// The rules and suppressions in force for one run.
public struct ScanContext: Sendable {
    public let configuration: Configuration
    public let detector: Detector
    public let suppressor: Suppressor
    public let descriptions: [String: String]

    public init(configuration: Configuration, baseline: Baseline?) {
        self.configuration = configuration
        let rules = configuration.rules()
        detector = Detector(rules: rules)
        suppressor = Suppressor(configuration: configuration, baseline: baseline)
        descriptions = Dictionary(rules.map { ($0.id, $0.description) }, uniquingKeysWith: { a, _ in a })
    }

    /// Loads the configuration and baseline; `fromIndex` reads the configuration as staged, so
    /// that a commit cannot weaken its own check with an unstaged edit.
    public static func load(
        _ settings: ScanSettings, repository: Repository?, fromIndex: Bool
    ) throws(ScanError) -> ScanContext {
        let configuration = try loadConfiguration(settings, repository: repository, fromIndex: fromIndex)
        var baseline: Baseline?
        if let path = settings.baselinePath {
            baseline = try Baseline(bytes: try readFile(path), path: path)
        }
        return ScanContext(configuration: configuration, baseline: baseline)
    }

    /// The run with the committed settings, when the index changes them (edits, deletes or
    /// renames `.clay-guard.json`) and no `--config FILE` overrides both; else nil. A commit
    /// must not weaken its own check, so its findings are judged under both.
    static func committed(
        _ settings: ScanSettings, repository: Repository, like staged: ScanContext
    ) throws -> ScanContext? {
        guard settings.configPath == nil, !repository.isBare,
            try repository.indexBlob(at: Configuration.fileName)
                != repository.headBlob(at: Configuration.fileName)
        else { return nil }
        return try load(committedSettingsOf: repository, like: staged)
    }

    /// The same run with the settings HEAD holds (none if HEAD has no settings file), and the
    /// same baseline.
    static func load(committedSettingsOf repository: Repository, like staged: ScanContext) throws
        -> ScanContext
    {
        var configuration = Configuration()
        if let blob = try repository.headBlob(at: Configuration.fileName) {
            do {
                configuration = try Configuration(bytes: try repository.objectBytes(blob))
            } catch let ScanError.config(keyPath, reason) {
                throw ScanError.failed(
                    "the committed \(Configuration.fileName) (HEAD): \(keyPath): \(reason)",
                    hint: "this commit is judged by the committed settings too; commit the fix with "
                        + "`git commit --no-verify` once you have checked it")
            }
        }
        return ScanContext(configuration: configuration, baseline: staged.suppressor.baseline)
    }

    /// The configuration alone, for commands that need `failOn` or the rule list.
    public static func loadConfiguration(
        _ settings: ScanSettings, fromIndex: Bool
    ) throws(ScanError) -> Configuration {
        try loadConfiguration(settings, repository: try? settings.openRepository(), fromIndex: fromIndex)
    }

    public static func loadConfiguration(
        _ settings: ScanSettings, repository: Repository?, fromIndex: Bool
    ) throws(ScanError) -> Configuration {
        if let path = settings.configPath {
            return try Configuration(bytes: try readFile(path))
        }
        guard let repository else { return Configuration() }
        do {
            if fromIndex, !repository.isBare {
                guard let blob = try repository.indexBlob(at: Configuration.fileName) else {
                    return Configuration()
                }
                return try Configuration(bytes: try repository.objectBytes(blob))
            }
            if let work = repository.workDirectory {
                let path = work + Configuration.fileName
                guard fileExists(path) else { return Configuration() }
                return try Configuration(bytes: try readFile(path))
            }
            return Configuration()
        } catch {
            throw ScanError.wrap(error)
        }
    }

    func report(_ finding: Finding, provenance: Provenance? = nil) -> ReportedFinding {
        ReportedFinding(
            finding: finding, description: descriptions[finding.rule] ?? finding.rule,
            provenance: provenance)
    }
}

func readFile(_ path: String) throws(ScanError) -> [UInt8] {
    do {
        return try FileBytes.read(path)
    } catch {
        throw .io(path: path, reason: "cannot be read")
    }
}
