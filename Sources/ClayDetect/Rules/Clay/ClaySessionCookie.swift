extension BuiltInRules {
    /// A signed session cookie copied from the browser; the bare `s%3A` form counts only with
    /// Clay nearby, since every Express app signs cookies the same way.
    static let claySessionCookie = Rule.builtIn(
        "clay-session-cookie", .high, "Clay browser session cookie (claysession)",
        keywords: ["claysession", "s%3a"],
        pattern: "(?<secret>s(?:%3A|%3a|:)(?<body>[A-Za-z0-9_-]{24,48}\\."
            + "(?:[A-Za-z0-9_-]|%2[BbFf]|%3[Dd]|[+/=]){30,130}))"
    ) { rule in
        rule.contextLines = 2
        rule.minimumEntropy = 3.5
        rule.context = Rule.pattern("clay(?!\\.earth)")
        rule.examples = [
            "const COOKIE = 'claysession=s%3A{b64url:32}.{b64url:43}';",
            "cookies = {\"claysession\": \"s:{b64url:32}.{b64url:43}\"}",
        ]
        rule.counterExamples = [
            "const COOKIE = 'claysession=s%3A<session-id>.<signature>';",
            "connect.sid=s%3A{b64url:32}.{b64url:43}",
        ]
    }
}
