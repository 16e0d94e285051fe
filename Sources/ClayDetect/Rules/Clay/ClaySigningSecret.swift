extension BuiltInRules {
    /// Stripe, Svix and others use the same `whsec_` prefix, so Clay must be named nearby.
    static let claySigningSecret = Rule.builtIn(
        "clay-signing-secret", .high, "Signing secret of Clay's outbound webhooks (whsec_)",
        keywords: ["whsec_"],
        pattern: "(?<secret>whsec_(?<body>[A-Za-z0-9+/=_-]{16,}))"
    ) { rule in
        rule.contextLines = 3
        rule.minimumEntropy = 3.0
        rule.context = Rule.pattern("clay(?!\\.earth)")
        rule.examples = ["CLAY_SIGNING_SECRET=whsec_{b64url:32}"]
        rule.counterExamples = [
            "STRIPE_WEBHOOK_SECRET=whsec_{b64url:32}",
            "CLAY_SIGNING_SECRET=whsec_your_signing_secret_here",
        ]
    }
}
