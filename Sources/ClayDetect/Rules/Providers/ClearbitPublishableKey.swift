extension BuiltInRules {
    /// The publishable key is meant for browsers, so it is reported low, as a hint only.
    static let clearbitPublishableKey = Rule.builtIn(
        "clearbit-publishable-key", .low, "Clearbit publishable key (pk_), meant for browsers",
        keywords: ["pk_"],
        pattern: "(?<![A-Za-z0-9_])(?<secret>pk_(?<body>[0-9a-f]{32}))(?![A-Za-z0-9])"
    ) { rule in
        rule.requiresLetterAndDigit = true
        rule.examples = ["<script>clearbit.init('pk_{hex:32}')</script>"]
        rule.counterExamples = ["STRIPE_PUBLISHABLE=pk_test_TYooMQauvdEDq54NiTphI7jx"]
    }
}
