/// One detection rule, as data: what it looks for, how sure it must be, and its own examples.
///
/// A rule runs only where one of its `keywords` occurs (case-insensitively); its `pattern` then
/// sees the lines around that occurrence. The pattern's named group `secret` is the credential
/// (the whole match if absent) and `body` its random part, which the entropy, word and
/// placeholder checks judge.
public struct Rule: Sendable {
    public let id: String
    public let severity: Severity
    public let description: String
    public let keywords: [String]
    public let pattern: BytePattern
    /// Minimum Shannon entropy of the body (bits per character); nil skips the check.
    public var minimumEntropy: Double?
    /// A body made only of words (`production_key`) is not a key.
    public var rejectsWordyBody = true
    /// Text that must occur within `contextLines` lines of the match.
    public var context: BytePattern?
    /// Text that, on the match's line just before it, shows the value is something else.
    public var rejectPrefix: BytePattern?
    public var contextLines = 0
    /// The body must hold both a letter and a digit (hex runs of one kind are ids or numbers).
    public var requiresLetterAndDigit = false
    /// A body made only of letters is an identifier, not a key.
    public var rejectsLettersOnly = false
    /// The rule judges file paths, not content.
    public var matchesPathOnly = false
    /// The severity for documentation files (`.md`, `.rst`, `.txt`), when it differs.
    public var documentationSeverity: Severity?
    /// The severity for configuration files (`.env`, YAML, JSON, ...), when it differs.
    public var configurationSeverity: Severity?
    /// Lines that must be reported; `{hex:20}`-style slots are filled with random text at test time.
    public var examples: [String] = []
    /// Lines that must not be reported; slots are filled as in `examples`, so that no
    /// real-looking value sits in the source next to the context that would make it a finding.
    public var counterExamples: [String] = []
    /// Whether the rule is built in, or came from a configuration file.
    public var isCustom = false

    public init(
        id: String, severity: Severity, description: String, keywords: [String], pattern: String,
        caseInsensitive: Bool = false, validate: Bool = true
    ) throws(PatternError) {
        self.id = id
        self.severity = severity
        self.description = description
        self.keywords = keywords.map { $0.lowercased() }
        self.pattern = try BytePattern(pattern, caseInsensitive: caseInsensitive, validate: validate)
    }

    /// Builds a built-in rule; a pattern that does not compile is a programming error.
    static func builtIn(
        _ id: String, _ severity: Severity, _ description: String, keywords: [String],
        pattern: String, caseInsensitive: Bool = false, configure: (inout Rule) -> Void = { _ in }
    ) -> Rule {
        do {
            var rule = try Rule(
                id: id, severity: severity, description: description, keywords: keywords,
                pattern: pattern, caseInsensitive: caseInsensitive, validate: false)
            configure(&rule)
            return rule
        } catch {
            fatalError("built-in rule \(id): \(error)")
        }
    }

    static func pattern(_ source: String) -> BytePattern {
        do {
            return try BytePattern(source, caseInsensitive: true, validate: false)
        } catch {
            fatalError("built-in context pattern: \(error)")
        }
    }

    /// The severity of a finding in the file at `path`.
    public func severity(forPath path: String?) -> Severity {
        guard let path else { return severity }
        let kind = FileKind(path: path)
        if kind == .documentation, let documentationSeverity { return documentationSeverity }
        if kind == .configuration, let configurationSeverity { return configurationSeverity }
        return severity
    }
}

/// What a file is for, judged from its name.
public enum FileKind: Sendable {
    case documentation
    case configuration
    case source

    public init(path: String) {
        let name = path.split(separator: "/").last.map(String.init)?.lowercased() ?? ""
        let suffix = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!) : ""
        if ["md", "markdown", "rst", "txt", "adoc"].contains(suffix) {
            self = .documentation
        } else if name.hasPrefix(".env") || name.hasSuffix(".env")
            || ["yml", "yaml", "json", "toml", "ini", "cfg", "conf", "properties", "env"]
                .contains(suffix)
        {
            self = .configuration
        } else {
            self = .source
        }
    }
}
