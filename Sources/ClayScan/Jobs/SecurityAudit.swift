import ClayDetect
import ClayGit

/// `clay-guard audit`: the Clay security checklist, measured on the repository at hand. Each
/// item passes, fails with the change that fixes it, does not apply, or could not be checked.
public enum SecurityAudit {
    public enum State: String, Sendable {
        case pass
        case fail
        case notApplicable = "n/a"
        case skipped
        case error
    }

    public struct Item: Sendable {
        public let id: String
        public let title: String
        public var state: State
        public var detail: String
        public var fix: String?
        /// `path:line` places the item points at.
        public var locations: [String] = []
    }

    public struct Result: Sendable {
        public var items: [Item]
        public var failed: Bool { items.contains { $0.state == .fail } }
        public var incomplete: Bool { items.contains { $0.state == .error } }
    }

    public struct Options: Sendable {
        public var skipHistory = false
        public var jobs = 0
        public var failOn: Severity = .medium

        public init(skipHistory: Bool = false, jobs: Int = 0, failOn: Severity = .medium) {
            self.skipHistory = skipHistory
            self.jobs = jobs
            self.failOn = failOn
        }
    }

    public static func run(_ settings: ScanSettings, options: Options) throws(ScanError) -> Result {
        let repository = try settings.openRepository()
        let context = try ScanContext.load(settings, repository: repository, fromIndex: false)
        let files: [(path: String, blob: ObjectID)]
        do {
            files = try headFiles(repository)
        } catch {
            throw ScanError.wrap(error)
        }
        var items: [Item] = []
        let headFindings = check("head") { () throws -> [Finding] in
            try scanHead(files, repository: repository, context: context)
        }
        items.append(credentialsInHead(headFindings, failOn: options.failOn))
        items.append(stagedChanges(settings, failOn: options.failOn))
        items.append(
            options.skipHistory ? skipped() : history(settings, jobs: options.jobs, failOn: options.failOn))
        items.append(ignoreRules(settings))
        items.append(preCommitHook(settings))
        items.append(continuousIntegration(files, repository: repository))
        items.append(providerKeys(headFindings, failOn: options.failOn))
        items.append(webhookVerification(files, repository: repository))
        return Result(items: items)
    }

    // MARK: - Items

    private static func credentialsInHead(_ result: Outcome<[Finding]>, failOn: Severity) -> Item {
        headItem(
            id: "head-clean", title: "no Clay credential in the files HEAD holds", result: result,
            counts: { $0.rule.hasPrefix("clay-") && $0.severity >= failOn },
            fix: "rotate each key, move it to the environment or a secrets manager, commit the removal, "
                + "then run `clay-guard history`")
    }

    /// An item judged on the findings in HEAD's files that `counts` picks.
    private static func headItem(
        id: String, title: String, result: Outcome<[Finding]>, counts: (Finding) -> Bool, fix: String
    ) -> Item {
        var item = Item(id: id, title: title, state: .pass, detail: "")
        switch result {
        case .failure(let message):
            item.state = .error
            item.detail = message
        case .success(let findings):
            let picked = findings.filter(counts)
            item.state = picked.isEmpty ? .pass : .fail
            item.detail = picked.isEmpty ? "none found" : "\(picked.count) found"
            item.locations = picked.map { "\($0.path ?? "?"):\($0.line): \($0.rule) \($0.redacted)" }
            item.fix = picked.isEmpty ? nil : fix
        }
        return item
    }

    private static func stagedChanges(_ settings: ScanSettings, failOn: Severity) -> Item {
        var item = Item(
            id: "staged-clean", title: "no Clay credential in the staged changes", state: .pass, detail: "")
        do {
            var report = try StagedScan.run(settings)
            report.findings = report.findings.filter { $0.finding.severity >= failOn }
            item.state = report.findings.isEmpty ? .pass : .fail
            item.detail =
                report.findings.isEmpty ? "nothing staged holds one" : "\(report.findings.count) found"
            item.locations = report.findings.map {
                "\($0.finding.path ?? "?"):\($0.finding.line): \($0.finding.rule)"
            }
            item.fix = report.findings.isEmpty ? nil : "unstage the values (`clay-guard staged` says where)"
        } catch ScanError.git(.bareRepository) {
            item.state = .notApplicable
            item.detail = "a bare repository has no index"
        } catch {
            item.state = .error
            item.detail = error.message
        }
        return item
    }

    private static func history(_ settings: ScanSettings, jobs: Int, failOn: Severity) -> Item {
        var item = Item(
            id: "history-clean", title: "no credential anywhere in history", state: .pass, detail: "")
        do {
            let result = try HistoryScan.run(settings, options: HistoryScan.Options(jobs: jobs))
            let findings = result.report.findings.filter { $0.finding.severity >= failOn }
            let inHead = findings.filter { $0.provenance?.inHead == true }.count
            let distinct = Set(findings.map(\.finding.fingerprint)).count
            item.state = findings.isEmpty ? .pass : .fail
            item.detail =
                findings.isEmpty
                ? "\(result.report.scannedCommits) commits swept, none found"
                : "\(distinct) distinct secret\(distinct == 1 ? "" : "s"), \(inHead) still in HEAD"
            item.locations = findings.prefix(20).map {
                "\($0.provenance.map { String($0.commit.prefix(12)) } ?? "?") \($0.finding.path ?? "(message)"): \($0.finding.rule)"
            }
            item.fix =
                findings.isEmpty
                ? nil
                : "rotate them, then follow the cleanup plan of `clay-guard history` (BFG or git-filter-repo)"
        } catch {
            item.state = .error
            item.detail = error.message
        }
        return item
    }

    private static func skipped() -> Item {
        Item(
            id: "history-clean", title: "no credential anywhere in history", state: .skipped,
            detail: "--skip-history", fix: nil)
    }

    private static func ignoreRules(_ settings: ScanSettings) -> Item {
        var item = Item(
            id: "env-files-ignored",
            title: ".env, .env.local, .env.*.local and *.key ignored by a committed rule, none tracked",
            state: .pass, detail: "")
        do {
            let result = try IgnoreAudit.run(settings)
            item.state = result.passed ? .pass : .fail
            item.detail = result.passed ? "all covered" : "\(result.failed.count) requirement(s) fail"
            item.locations = result.failed.map { "\($0.path): \($0.status.rawValue)" }
            item.fix =
                result.passed
                ? nil
                : "run `clay-guard ignore-check --fix`, commit .gitignore, and `git rm --cached` tracked files"
        } catch {
            if case .failed(let message, _) = error, message.contains("bare") {
                item.state = .notApplicable
                item.detail = "a bare repository has no work tree"
            } else {
                item.state = .error
                item.detail = error.message
            }
        }
        return item
    }

    private static func preCommitHook(_ settings: ScanSettings) -> Item {
        var item = Item(
            id: "pre-commit-hook", title: "the pre-commit hook runs clay-guard", state: .pass, detail: "")
        do {
            let status = try HookInstaller.status(settings, hook: .preCommit)
            item.state = status.runsClayGuard ? .pass : .fail
            item.detail =
                status.runsClayGuard
                ? "run by \(status.runner.rawValue) (\(status.path))"
                : "\(status.path): \(status.runner.rawValue) runs, not clay-guard"
            item.fix =
                status.runsClayGuard
                ? nil : "run `clay-guard install` (or add clay-guard to the pre-commit framework or Husky)"
        } catch {
            item.state = .error
            item.detail = error.message
        }
        return item
    }

    private static func continuousIntegration(
        _ files: [(path: String, blob: ObjectID)], repository: Repository
    ) -> Item {
        var item = Item(id: "ci-scan", title: "CI runs a clay-guard scan", state: .fail, detail: "")
        let workflows = files.filter { isCIConfiguration($0.path) }
        var running: [String] = []
        var preCommitConfigured = false
        var ciRunsPreCommit = false
        for file in files where file.path == ".pre-commit-config.yaml" {
            let text = (try? String(decoding: repository.objectBytes(file.blob), as: UTF8.self)) ?? ""
            preCommitConfigured = HookInstaller.frameworkRuns(.preCommit, configuration: text)
            if text.contains("\nci:") || text.hasPrefix("ci:") { ciRunsPreCommit = true }
        }
        for file in workflows {
            let text = (try? String(decoding: repository.objectBytes(file.blob), as: UTF8.self)) ?? ""
            // A comment that mentions clay-guard runs nothing.
            let code = text.split(whereSeparator: \.isNewline).filter {
                !$0.drop { $0 == " " || $0 == "\t" }.hasPrefix("#")
            }
            if code.contains(where: { $0.contains("clay-guard") }) { running.append(file.path) }
            if text.contains("pre-commit run") || text.contains("pre-commit/action") {
                ciRunsPreCommit = true
            }
        }
        if !running.isEmpty {
            item.state = .pass
            item.detail = "run by " + running.joined(separator: ", ")
        } else if preCommitConfigured && ciRunsPreCommit {
            item.state = .pass
            item.detail = "the pre-commit framework runs clay-guard in CI"
        } else {
            item.detail =
                workflows.isEmpty ? "no CI configuration committed" : "CI configured, without clay-guard"
            item.fix = "add the workflow of examples/github-workflow.yml or the job of examples/gitlab-ci.yml"
        }
        return item
    }

    private static func providerKeys(_ result: Outcome<[Finding]>, failOn: Severity) -> Item {
        headItem(
            id: "provider-keys",
            title: "no provider key (Apollo, Clearbit, Hunter, HubSpot, Salesforce) in code",
            result: result, counts: { !$0.rule.hasPrefix("clay-") && $0.severity >= failOn },
            fix:
                "connect the provider in Clay (its connections hold the key) and remove it from code; rotate it"
        )
    }

    private static func webhookVerification(
        _ files: [(path: String, blob: ObjectID)], repository: Repository
    ) -> Item {
        var item = Item(
            id: "webhook-verification", title: "webhook signatures checked in constant time",
            state: .notApplicable, detail: "no code reads a Clay signature or webhook-auth header")
        var receivers = 0
        for file in files where FileKind(path: file.path) == .source && !isTestPath(file.path) {
            guard let bytes = try? repository.objectBytes(file.blob), bytes.count < 1 << 20,
                !bytes.contains(0)
            else { continue }
            guard let verdict = try? WebhookComparison.verdict(String(decoding: bytes, as: UTF8.self))
            else {
                item.state = .error
                item.detail = "\(file.path) could not be judged"
                return item
            }
            guard verdict.readsHeader else { continue }
            receivers += 1
            item.locations += verdict.naiveComparisons.map { "\(file.path):\($0.line): \($0.text)" }
        }
        guard receivers > 0 else { return item }
        item.state = item.locations.isEmpty ? .pass : .fail
        item.detail =
            item.locations.isEmpty
            ? "\(receivers) receiver file\(receivers == 1 ? "" : "s"), compared in constant time"
            : "\(item.locations.count) comparison\(item.locations.count == 1 ? "" : "s") with == or ==="
        item.fix =
            item.locations.isEmpty
            ? nil
            : "compare with crypto.timingSafeEqual (Node), hmac.compare_digest (Python) or your language's constant-time equal"
        return item
    }

    // MARK: - Helpers

    enum Outcome<Value> {
        case success(Value)
        case failure(String)
    }

    private static func check<Value>(_ name: String, _ body: () throws -> Value) -> Outcome<Value> {
        do {
            return .success(try body())
        } catch {
            return .failure(ScanError.wrap(error).message)
        }
    }

    /// Tests name the headers to exercise receivers; the receivers themselves are what counts.
    static func isTestPath(_ path: String) -> Bool {
        let lower = path.lowercased()
        return ["test/", "tests/", "spec/", "__tests__/", "testdata/"].contains {
            lower.hasPrefix($0) || lower.contains("/" + $0)
        } || lower.contains(".test.") || lower.contains(".spec.") || lower.contains("_test.")
    }

    static func isCIConfiguration(_ path: String) -> Bool {
        (path.hasPrefix(".github/workflows/") && (path.hasSuffix(".yml") || path.hasSuffix(".yaml")))
            || path == ".gitlab-ci.yml" || path.hasPrefix(".gitlab/ci/")
            || path == ".circleci/config.yml" || path == "Jenkinsfile" || path == "bitbucket-pipelines.yml"
    }

    private static func headFiles(_ repository: Repository) throws -> [(path: String, blob: ObjectID)] {
        guard let head = try repository.headCommit() else { return [] }
        let tree = try repository.commit(head).tree
        return try IntroducedBlobFinder(repository: repository).allBlobs(tree: tree).map {
            ($0.path, $0.blob)
        }
    }

    private static func scanHead(
        _ files: [(path: String, blob: ObjectID)], repository: Repository, context: ScanContext
    ) throws -> [Finding] {
        var found: [Finding] = []
        for file in files where !context.configuration.skips(file.path) {
            if let pathFinding = context.detector.scanPath(file.path) { found.append(pathFinding) }
            found += try repository.withObject(file.blob) { _, bytes in
                try context.detector.scan(bytes, path: file.path)
            }
        }
        return context.suppressor.apply(found).kept
    }
}
