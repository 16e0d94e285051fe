extension BuiltInRules {
    /// Apollo keys are base64url, so `_` and `-` occur in them. A value after `service:<graph>:`
    /// is an Apollo GraphQL key, another company's product.
    static let apolloAPIKey = Rule.builtIn(
        "apollo-api-key", .high, "Apollo.io API key",
        keywords: ["apollo"],
        pattern: "(?:[:=]\\s*|[\"'`])(?<secret>[A-Za-z0-9_-]{22})\(Fragment.end)"
    ) { rule in
        rule.contextLines = 2
        rule.minimumEntropy = 3.3
        rule.context = Rule.pattern(
            "\(Fragment.keyName("apollo"))|api\\.apollo\\.io|apollo_?api_?key")
        rule.rejectPrefix = Rule.pattern("service:[^:\\s\"']+:$")
        // A 22-letter run is an identifier (`createApolloClientLink`); a random base64url key
        // holds a digit, `_` or `-` all but about once in a hundred.
        rule.rejectsLettersOnly = true
        rule.examples = [
            "APOLLO_API_KEY={b64url:22}",
            "apollo = {\"api_key\": \"{b64url:22}\"}",
            "requests.post('https://api.apollo.io/v1/people/match',\n    headers={'X-Api-Key': '{b64url:22}'})",
        ]
        rule.counterExamples = [
            "APOLLO_KEY=service:my-graph:Qm4vT8rX2pL6nK9wY3zH5c",
            "apollo_api_key: your_apollo_api_key_here",
            "import { ApolloClient } from '@apollo/client'; const name = 'createApolloClientLink'",
        ]
    }
}
