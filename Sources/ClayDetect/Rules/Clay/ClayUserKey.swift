extension BuiltInRules {
    static let clayUserKey = Rule.builtIn(
        "clay-user-key", .high, "Legacy Clay key with the clay_user_ prefix",
        keywords: ["clay_user_"],
        pattern: "(?<secret>clay_user_(?<body>[A-Za-z0-9_-]{16,}))\(Fragment.end)"
    ) { rule in
        rule.minimumEntropy = 3.0
        rule.examples = ["CLAY_KEY = \"clay_user_{alnum:32}\""]
        rule.counterExamples = [
            "localStorage.setItem('clay_user_profile', JSON.stringify(user));",
            "SELECT clay_user_id FROM accounts",
            "const clay_user_preferences_storage = {}",
        ]
    }
}
