extension BuiltInRules {
    static let hubspotPrivateAppToken = Rule.builtIn(
        "hubspot-private-app-token", .high, "HubSpot private app access token (pat-)",
        keywords: ["pat-"],
        pattern: "(?<![A-Za-z0-9])(?<secret>pat-[a-z]{2}[0-9]-(?<body>\(Fragment.uuid)))(?![A-Za-z0-9])"
    ) { rule in
        rule.examples = [
            "hubspot = Client(access_token=\"pat-eu1-{uuid}\")",
            "HUBSPOT_TOKEN=pat-na1-{uuid}",
            "token: pat-ap1-{uuid}",
        ]
        rule.counterExamples = [
            "HUBSPOT_TOKEN=pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
            "HUBSPOT_TOKEN=pat-na1-00000000-0000-0000-0000-000000000000",
        ]
    }
}
