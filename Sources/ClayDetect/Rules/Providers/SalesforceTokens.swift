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

    static let salesforceRefreshToken = Rule.builtIn(
        "salesforce-refresh-token", .high, "Salesforce refresh token (5Aep861...)",
        keywords: ["5aep861"],
        pattern: "(?<secret>5Aep861(?<body>[A-Za-z0-9._=]{60,}))"
    ) { rule in
        rule.minimumEntropy = 3.5
        rule.examples = ["refresh_token: 5Aep861{sfchars:80}"]
        rule.counterExamples = ["refresh_token: 5Aep861..."]
    }

    static let salesforceSFDXURL = Rule.builtIn(
        "salesforce-sfdx-url", .high, "Salesforce SFDX auth URL (force://)",
        keywords: ["force://"],
        pattern: "(?<secret>force://(?<body>[^:\\s\"'@]+:[^:\\s\"'@]*:[^\\s\"'@]+@[A-Za-z0-9.-]+))"
    ) { rule in
        rule.rejectsWordyBody = false
        rule.examples = [
            "SFDX_AUTH_URL=force://PlatformCLI::5Aep861{sfchars:80}@{alnum:10}.my.salesforce.com"
        ]
        rule.counterExamples = ["SFDX_AUTH_URL=force://<client>:<secret>:<refresh token>@<host>"]
    }

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
