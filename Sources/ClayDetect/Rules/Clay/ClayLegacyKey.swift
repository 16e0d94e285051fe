extension BuiltInRules {
    /// Twenty hex digits are everywhere, so this rule needs Clay on the same or a nearby line: the
    /// legacy host, or a key name that contains `clay`.
    static let clayLegacyKey = Rule.builtIn(
        "clay-legacy-key", .high, "Legacy 20-hex Clay API key next to Clay context",
        keywords: ["clay"],
        pattern: "(?<![A-Za-z0-9])(?<secret>[0-9a-f]{20})(?![A-Za-z0-9])"
    ) { rule in
        rule.contextLines = 2
        rule.minimumEntropy = 3.0
        rule.requiresLetterAndDigit = true
        // CLAY_ACCESS_KEY belongs to the Clay CMS, another product.
        rule.rejectPrefix = Rule.pattern("clay_access_key[\"']?\\s*(?::|=|=>)\\s*[\"']?$")
        rule.context = Rule.pattern(
            "api\\.clay\\.run|clay-api-key|[A-Za-z0-9_.-]*clay[A-Za-z0-9_.-]*[\"']?\\s*(?::|=|=>)")
        rule.examples = [
            "CLAY_API_KEY={hex:20}",
            "# legacy host: api.clay.run\nheaders = {'Authorization': '{hex:20}'}",
            "clayKey: \"{hex:20}\"",
        ]
        rule.counterExamples = [
            "commit = \"{hex:20}\"",
            "CLAY_API_KEY=00000000000000000000",
            "CLAY_ACCESS_KEY={hex:20}",
            "# clay pottery batch {hex:20}",
        ]
    }
}
