extension BuiltInRules {
    static let clayWebhookAuth = Rule.builtIn(
        "clay-webhook-auth", .high, "Clay webhook auth token (x-clay-webhook-auth)",
        keywords: ["x-clay-webhook-auth", "clay_webhook_auth", "webhook_auth_token", "clay_auth"],
        pattern: "(?<![A-Za-z0-9])(?<secret>[0-9a-f]{20,64})(?![A-Za-z0-9])"
    ) { rule in
        rule.contextLines = 1
        rule.minimumEntropy = 3.0
        rule.requiresLetterAndDigit = true
        rule.examples = [
            "headers = {\"x-clay-webhook-auth\": \"{hex:20}\"}",
            "CLAY_WEBHOOK_AUTH={hex:20}",
            "'x-clay-webhook-auth':\n    '{hex:20}',",
        ]
        rule.counterExamples = [
            "headers = {\"x-clay-webhook-auth\": process.env.CLAY_WEBHOOK_AUTH}",
            "CLAY_WEBHOOK_AUTH=xxxxxxxxxxxxxxxxxxxx",
        ]
    }
}
