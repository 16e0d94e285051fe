extension BuiltInRules {
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
}
