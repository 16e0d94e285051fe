extension BuiltInRules {
    static let clearbitSecretKey = Rule.builtIn(
        "clearbit-secret-key", .high, "Clearbit secret API key (sk_)",
        keywords: ["sk_"],
        pattern: "(?<![A-Za-z0-9_])(?<secret>sk_(?<body>[0-9a-f]{32}))(?![A-Za-z0-9])"
    ) { rule in
        rule.requiresLetterAndDigit = true
        rule.examples = ["clearbit.key = 'sk_{hex:32}'", "CLEARBIT_KEY=sk_{hex:32}"]
        rule.counterExamples = [
            "STRIPE_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "clearbit.key = 'sk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'",
        ]
    }
}
