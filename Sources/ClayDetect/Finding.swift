/// A credential found in some text, with where it is and how to show it safely.
public struct Finding: Sendable, Equatable {
    public let rule: String
    public var severity: Severity
    /// Repository-relative path; nil for a commit message.
    public var path: String?
    /// 1-based line and byte column in the scanned text.
    public var line: Int
    public var column: Int
    /// The whole credential. Never printed unless the user asks with `--show-secrets`.
    public let secret: String
    public let redacted: String
    /// Stable across commits, paths and lines: a hash of the rule and the secret.
    public let fingerprint: String
    /// Whether the finding's line carries a `clay-guard:allow` marker.
    public var isAllowedInline: Bool
    /// The size of the scanned text, for the BFG 1 MiB warning.
    public var textSize: Int

    /// Rule and secret together: what makes two findings the same credential, wherever they sit.
    public var identity: String { "\(rule)\u{0}\(secret)" }

    public init(
        rule: String, severity: Severity, path: String?, line: Int, column: Int, secret: String,
        redacted: String, isAllowedInline: Bool = false, textSize: Int = 0
    ) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.secret = secret
        self.redacted = redacted
        self.fingerprint = Fingerprint.of(rule: rule, secret: secret)
        self.isAllowedInline = isAllowedInline
        self.textSize = textSize
    }
}
