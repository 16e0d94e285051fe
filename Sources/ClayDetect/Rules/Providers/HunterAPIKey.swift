extension BuiltInRules {
    /// Forty hex digits alone are usually a git commit id; Hunter must be named nearby.
    static let hunterAPIKey = Rule.builtIn(
        "hunter-api-key", .high, "Hunter.io API key",
        keywords: ["hunter"],
        pattern: "(?<![A-Za-z0-9])(?<secret>[0-9a-f]{40})(?![A-Za-z0-9])"
    ) { rule in
        rule.contextLines = 2
        rule.minimumEntropy = 3.0
        rule.requiresLetterAndDigit = true
        rule.context = Rule.pattern("\(Fragment.keyName("hunter"))|api\\.hunter\\.io|hunter_?api")
        rule.examples = [
            "HUNTER_API_KEY={hex:40}",
            "r = requests.get(f'https://api.hunter.io/v2/domain-search?domain=x.com&api_key={hex:40}')",
        ]
        rule.counterExamples = [
            "Merge commit {hex:40} by Hunter",
            "HUNTER_API_KEY=0000000000000000000000000000000000000000",
        ]
    }
}
