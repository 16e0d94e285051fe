extension BuiltInRules {
    /// Endpoints belong in configuration. Listed last, so that a URL that carries a credential is
    /// reported under its own rule instead.
    static let clayHardcodedURL = Rule.builtIn(
        "clay-hardcoded-url", .medium, "Clay API endpoint written into source code instead of config",
        keywords: ["api.clay.com", "api.clay.run", "app.clay.com"],
        pattern: "(?<secret>\(Fragment.scheme)(?i:api\\.clay\\.com\(Fragment.slash)(?=v[123]\\b|public)|"
            + "api\\.clay\\.run\(Fragment.slash)|app\\.clay\\.com\(Fragment.slash)(?=api))"
            + "(?<body>[^\\s\"'`)\\]]+))"
    ) { rule in
        rule.documentationSeverity = .low
        rule.configurationSeverity = .low
        rule.rejectsWordyBody = false
        rule.examples = [
            "fetch('https://api.clay.com/v1/tables/t_{alnum:20}/rows')",
            "BASE = \"https://api.clay.run/v1/people/{alnum:10}\"",
        ]
        rule.counterExamples = [
            "DOCS=https://docs.clay.com/",
            "MCP=https://mcp.clay.earth/v1/tools",
            "https://api.clay.com/v3/sources/webhook/pull-in-data-from-a-webhook-11111111-1111-1111-1111-111111111111",
            "BASE=https://api.clay.com/v3/sources/webhook/...",
            "CLAY_WEBHOOK_URL=https://app.clay.com/api/v1/webhooks/your-id",
        ]
    }
}
