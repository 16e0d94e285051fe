extension BuiltInRules {
    /// Matches a path, not content: the file holds the CLI's login, whatever is in it.
    static let clayCLICredentials = Rule.builtIn(
        cliCredentialsID, .high, "The Clay CLI's credential file (.config/clay/config.json) is committed",
        keywords: [], pattern: "(?!)"
    ) { rule in
        rule.matchesPathOnly = true
    }
}
