extension BuiltInRules {
    static let clayAPIKey = Rule.builtIn(
        "clay-api-key", .high, "Clay API key with the clay_ent_ prefix",
        keywords: ["clay_ent_"],
        pattern: "(?<secret>clay_ent_(?<body>[A-Za-z0-9_-]{16,}))\(Fragment.end)"
    ) { rule in
        rule.minimumEntropy = 3.0
        rule.examples = [
            "CLAY_API_KEY=clay_ent_{alnum:28}",
            "export CLAY_API_KEY=\"clay_ent_{hex:32}\"",
            "key = 'clay_ent_{b64url:24}'  # test key",
        ]
        rule.counterExamples = [
            "export CLAY_API_KEY=\"clay_ent_your_api_key_here\"",
            "CLAY_API_KEY=clay_ent_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "CLAY_API_KEY=clay_ent_<YOUR_KEY>",
            "CLAY_API_KEY=clay_ent_00000000000000000000000000000000",
            "CLAY_API_KEY=clay_ent_production_key_for_billing",
            "CLAY_API_KEY=${CLAY_API_KEY}",
        ]
    }
}
