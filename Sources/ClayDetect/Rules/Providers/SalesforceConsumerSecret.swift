extension BuiltInRules {
    static let salesforceConsumerSecret = Rule.builtIn(
        "salesforce-consumer-secret", .high, "Salesforce connected app consumer secret",
        keywords: ["salesforce", "sfdc", "consumer"],
        pattern: "(?<![A-Za-z0-9])(?<secret>[0-9A-F]{64}|[0-9]{19})(?![A-Za-z0-9])"
    ) { rule in
        rule.minimumEntropy = 2.5
        rule.context = Rule.pattern(
            "(?:salesforce|sfdc|consumer)[A-Za-z0-9_.-]*[\"']?\\s*(?::|=|=>)")
        rule.examples = [
            "SALESFORCE_CONSUMER_SECRET={HEX:64}",
            "sfdc_consumer_secret = \"{digits:19}\"",
        ]
        rule.counterExamples = [
            "SALESFORCE_CONSUMER_SECRET=0000000000000000000",
            "order_id = 1234567890123456789  # salesforce sync",
        ]
    }
}
