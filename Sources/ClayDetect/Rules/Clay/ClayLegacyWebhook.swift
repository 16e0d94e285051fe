extension BuiltInRules {
    static let clayLegacyWebhook = Rule.builtIn(
        "clay-legacy-webhook", .high, "Clay webhook URL in the form the security checklist documents",
        keywords: ["app.clay.com"],
        pattern: "(?<secret>\(Fragment.scheme)(?i:app\\.clay\\.com)" + Fragment.hostTail + Fragment.slash
            + Fragment.path("api", "v1", "webhooks") + Fragment.slash
            + "(?<body>[A-Za-z0-9_-]{8,}))\(Fragment.end)"
    ) { rule in
        rule.minimumEntropy = 2.5
        rule.examples = ["CLAY_WEBHOOK_URL=https://app.clay.com/api/v1/webhooks/{alnum:24}"]
        rule.counterExamples = [
            "CLAY_WEBHOOK_URL=https://app.clay.com/api/v1/webhooks/your-id",
            "CLAY_WEBHOOK_URL=https://app.clay.com/api/v1/webhooks/<webhook-id>",
            "see https://app.clay.com/api/v1/webhooks/{webhook_identifier}",
        ]
    }
}
