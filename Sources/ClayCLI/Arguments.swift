import ClayDetect

/// A usage error: exit 64 with a pointer to `--help`.
public struct UsageError: Error, Sendable {
    public let message: String
}

/// The parsed command line: the command, its options and its positional arguments.
public struct Arguments: Sendable {
    public enum Format: String, Sendable { case text, json, sarif }

    public var command = ""
    public var positional: [String] = []
    public var repository: String?
    public var format = Format.text
    public var output: String?
    public var config: String?
    public var failOn: Severity?
    public var baseline: String?
    public var showSecrets = false
    public var quiet = false
    public var verbose = false
    public var color: Bool?
    public var help = false
    public var fix = false
    public var uninstall = false
    public var hooks: [String]?
    public var jobs = 0
    public var sinceCommit: String?
    public var bfgReplacements: String?
    public var filterRepoReplacements: String?
    public var pathsToDelete: String?
    public var skipHistory = false

    static let valueOptions: Set<String> = [
        "--repo", "--format", "--output", "--config", "--fail-on", "--baseline", "--hooks", "--jobs",
        "--since-commit", "--bfg-replacements", "--filter-repo-replacements", "--paths-to-delete",
    ]

    /// Which options each command takes beyond the common ones.
    static let commandOptions: [String: Set<String>] = [
        "staged": [],
        "history": [
            "--jobs", "--since-commit", "--bfg-replacements", "--filter-repo-replacements",
            "--paths-to-delete",
        ],
        "message": [],
        "pre-push": ["--jobs"],
        "ignore-check": ["--fix"],
        "install": ["--hooks", "--uninstall"],
        "baseline": ["--jobs"],
        "audit": ["--skip-history", "--jobs"],
        "rules": [],
        "version": [],
        "help": [],
    ]
    static let commonOptions: Set<String> = [
        "--repo", "--format", "--output", "--config", "--fail-on", "--baseline", "--show-secrets",
        "--quiet", "--verbose", "--no-color", "--color", "--help", "-h", "-q", "-v",
    ]

    public static func parse(_ words: [String]) throws(UsageError) -> Arguments {
        var arguments = Arguments()
        var index = 0
        var onlyPositional = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositional || !word.hasPrefix("-") || word == "-" {
                if arguments.command.isEmpty {
                    arguments.command = word
                } else {
                    arguments.positional.append(word)
                }
                continue
            }
            if word == "--" {
                onlyPositional = true
                continue
            }
            var name = word
            var inlineValue: String?
            if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            if !arguments.command.isEmpty, arguments.command != "help" {
                let allowed = commonOptions.union(commandOptions[arguments.command] ?? [])
                if !allowed.contains(name), commandOptions[arguments.command] != nil {
                    throw UsageError(message: "unknown option '\(name)' for '\(arguments.command)'")
                }
            }
            var value: String?
            if valueOptions.contains(name) {
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < words.count else { throw UsageError(message: "\(name) needs a value") }
                    value = words[index]
                    index += 1
                }
            } else if inlineValue != nil {
                throw UsageError(message: "\(name) takes no value")
            }
            try arguments.set(name, value ?? "")
        }
        return arguments
    }

    private mutating func set(_ name: String, _ value: String) throws(UsageError) {
        switch name {
        case "--repo": repository = value
        case "--format":
            guard let parsed = Format(rawValue: value) else {
                throw UsageError(message: "--format must be text, json or sarif, not '\(value)'")
            }
            format = parsed
        case "--output": output = value
        case "--config": config = value
        case "--fail-on":
            guard let level = Severity(name: value) else {
                throw UsageError(message: "--fail-on must be high, medium or low, not '\(value)'")
            }
            failOn = level
        case "--baseline": baseline = value
        case "--show-secrets": showSecrets = true
        case "--quiet", "-q": quiet = true
        case "--verbose", "-v": verbose = true
        case "--no-color": color = false
        case "--color": color = true
        case "--help", "-h": help = true
        case "--fix": fix = true
        case "--uninstall": uninstall = true
        case "--skip-history": skipHistory = true
        case "--hooks":
            hooks = value.split(separator: ",").map { String($0).trimmingSpaces() }
        case "--jobs":
            guard let count = Int(value), count > 0, count <= 256 else {
                throw UsageError(message: "--jobs must be a whole number from 1 to 256, not '\(value)'")
            }
            jobs = count
        case "--since-commit": sinceCommit = value
        case "--bfg-replacements": bfgReplacements = value
        case "--filter-repo-replacements": filterRepoReplacements = value
        case "--paths-to-delete": pathsToDelete = value
        default: throw UsageError(message: "unknown option '\(name)'")
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
