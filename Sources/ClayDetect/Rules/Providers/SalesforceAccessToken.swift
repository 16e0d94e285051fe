extension BuiltInRules {
    static let salesforceAccessToken = Rule.builtIn(
        "salesforce-access-token", .high, "Salesforce access token (00D...!...)",
        keywords: ["00d"],
        pattern: "(?<![A-Za-z0-9])(?<secret>00D[A-Za-z0-9]{12}!(?<body>[A-Za-z0-9._]{80,200}))"
    ) { rule in
        rule.minimumEntropy = 3.5
        rule.examples = ["SF_ACCESS_TOKEN=00D{alnum:12}!{sfchars:96}"]
        rule.counterExamples = [
            "SF_ACCESS_TOKEN=00Dxxxxxxxxxxxx!xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        ]
    }
}
