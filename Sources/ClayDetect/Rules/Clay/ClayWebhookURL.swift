extension BuiltInRules {
    /// The table webhook's id is the credential: whoever holds the URL can push rows and spend
    /// the owner's credits. The most common Clay leak.
    static let clayWebhookURL = Rule.builtIn(
        "clay-webhook-url", .high, "Clay table webhook URL (its id is the credential)",
        keywords: ["api.clay.com"],
        pattern: "(?<secret>\(Fragment.scheme)(?i:api\\.clay\\.com)" + Fragment.hostTail
            + Fragment.slash + Fragment.path("v3", "sources", "webhook") + Fragment.slash
            + "(?:pull-in-data-from-a-webhook-)?(?<body>\(Fragment.uuid)))(?![0-9A-Za-z])"
    ) { rule in
        rule.examples = [
            "CLAY_WEBHOOK_URL = \"https://api.clay.com/v3/sources/webhook/pull-in-data-from-a-webhook-{uuid}\"",
            "url: https://api.clay.com/v3/sources/webhook/{uuid}",
            "{\"u\":\"https:\\/\\/api.clay.com\\/v3\\/sources\\/webhook\\/pull-in-data-from-a-webhook-{uuid}\"}",
            "HOOK=HTTPS://API.CLAY.COM/v3/sources/webhook/{uuid}",
            "f=\"https:\\\\/\\\\/api.clay.com\\\\/v3\\\\/sources\\\\/webhook\\\\/{uuid}\"",
            "g=https%253A%252F%252Fapi.clay.com%252Fv3%252Fsources%252Fwebhook%252F{uuid}",
            "o=https://api.clay.com:443/V3/Sources/Webhook/{uuid}",
            "n=https://api.clay.com.//v3/sources/webhook/{uuid}",
            "?next=https%3A%2F%2Fapi.clay.com%2Fv3%2Fsources%2Fwebhook%2F{uuid}",
            "os.getenv(\"CLAY_URL\", \"https://api.clay.com/v3/sources/webhook/pull-in-data-from-a-webhook-{uuid}\")",
        ]
        rule.counterExamples = [
            "CLAY_WEBHOOK_URL=https://api.clay.com/v3/sources/webhook/...",
            "https://api.clay.com/v3/sources/webhook/pull-in-data-from-a-webhook-{UUID}",
            "https://api.clay.com/v3/sources/webhook/pull-in-data-from-a-webhook-00000000-0000-0000-0000-000000000000",
            "https://hooks.clay.com/v3/sources/webhook/pull-in-data-from-a-webhook-abc",
        ]
    }
}
