extension BuiltInRules {
    /// The body's alphabet is not confirmed, so the pattern is permissive on it and the entropy
    /// check strict.
    static let clayScopedKey = Rule.builtIn(
        "clay-scoped-key", .high, "Clay public API key with the clay_scoped_ prefix",
        keywords: ["clay_scoped_"],
        pattern: "(?<secret>clay_scoped_(?<body>[A-Za-z0-9_-]{30,}))\(Fragment.end)"
    ) { rule in
        rule.minimumEntropy = 3.5
        rule.examples = ["headers['clay-api-key'] = 'clay_scoped_{b64url:47}'"]
        rule.counterExamples = [
            "CLAY_KEY=clay_scoped_your_scoped_key_goes_in_this_place",
            "CLAY_KEY=clay_scoped_aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbbbbbb1",
        ]
    }
}
