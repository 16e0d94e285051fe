extension BuiltInRules {
    /// A bare UUID is everywhere; HubSpot must be named nearby. Inside a `pat-` token the UUID is
    /// part of the private app token and not reported twice (that rule is listed first).
    static let hubspotLegacyAPIKey = Rule.builtIn(
        "hubspot-legacy-api-key", .high, "HubSpot legacy API key (hapikey)",
        keywords: ["hapikey", "hubspot", "hubapi"],
        pattern: "(?<![A-Za-z0-9-])(?<secret>\(Fragment.uuid))(?![A-Za-z0-9-])"
    ) { rule in
        rule.contextLines = 2
        rule.examples = [
            "url = 'https://api.hubapi.com/contacts/v1/lists?hapikey={uuid}'",
            "HUBSPOT_API_KEY={uuid}",
        ]
        rule.counterExamples = [
            "HUBSPOT_API_KEY=00000000-0000-0000-0000-000000000000",
            "hubspot portal settings",
        ]
    }
}
