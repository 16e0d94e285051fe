extension BuiltInRules {
    static let clayWorkflowWebhook = Rule.builtIn(
        "clay-workflow-webhook", .high, "Clay workflow stream webhook URL",
        keywords: ["api.clay.com"],
        pattern: "(?<secret>\(Fragment.scheme)(?i:api\\.clay\\.com)" + Fragment.hostTail + Fragment.slash
            + Fragment.path("v3", "tc-workflows", "streams") + Fragment.slash
            + "(?<body>wfrs_[A-Za-z0-9]{15,25})\(Fragment.slash)webhook)"
    ) { rule in
        rule.rejectsWordyBody = false
        rule.examples = ["POST https://api.clay.com/v3/tc-workflows/streams/wfrs_{alnum:20}/webhook"]
        rule.counterExamples = [
            "https://api.clay.com/v3/tc-workflows/streams/wfrs_xxxxxxxxxxxxxxxxxxxx/webhook",
            "https://api.clay.com/v3/tc-workflows/streams/<stream-id>/webhook",
        ]
    }
}
