extension BuiltInRules {
    static let salesforceRefreshToken = Rule.builtIn(
        "salesforce-refresh-token", .high, "Salesforce refresh token (5Aep861...)",
        keywords: ["5aep861"],
        pattern: "(?<secret>5Aep861(?<body>[A-Za-z0-9._=]{60,}))"
    ) { rule in
        rule.minimumEntropy = 3.5
        rule.examples = ["refresh_token: 5Aep861{sfchars:80}"]
        rule.counterExamples = ["refresh_token: 5Aep861..."]
    }
}
