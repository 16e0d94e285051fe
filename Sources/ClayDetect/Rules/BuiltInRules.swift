/// The registry of built-in rules. Order matters: where two rules match overlapping text, the one
/// listed first names the finding, so specific shapes come before general ones.
public enum BuiltInRules {
    public static let cliCredentialsID = "clay-cli-credentials"

    public static let all: [Rule] = [
        clayWebhookURL, clayWorkflowWebhook, clayLegacyWebhook, clayAPIKey, clayScopedKey,
        clayUserKey, claySessionCookie, clayWebhookAuth, claySigningSecret, clayLegacyKey,
        clayCLICredentials, hubspotPrivateAppToken, hubspotLegacyAPIKey, salesforceSFDXURL,
        salesforceAccessToken, salesforceRefreshToken, salesforceConsumerSecret,
        clearbitSecretKey, clearbitPublishableKey, hunterAPIKey, apolloAPIKey,
        clayHardcodedURL,
    ]
}

/// Pattern pieces shared by several rules.
enum Fragment {
    static let uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    /// Not preceded or followed by another token character.
    static let start = "(?<![A-Za-z0-9_-])"
    static let end = "(?![A-Za-z0-9_-])"
    /// A `/` as it appears in source: plain, JSON-escaped (`\/`, PHP's json_encode) or
    /// percent-encoded.
    /// Also escaped twice (`\\\/`), percent-encoded twice (`%252F`), and doubled (`//`).
    static let slash = "(?:/|\\\\+/|%(?:25)?2[Ff])+"
    /// An optional scheme, in the same spellings.
    static let scheme = "(?:https?(?::|%(?:25)?3[Aa])\(slash))?"
    /// What may follow a host name: the root's dot and a port.
    static let hostTail = "\\.?(?::[0-9]{1,5})?"

    /// A URL path written with `/`, turned into a pattern that accepts every spelling of it, in
    /// either case.
    static func path(_ segments: String...) -> String {
        "(?i:" + segments.joined(separator: slash) + ")"
    }
    /// A key name that contains `word`, followed by `:` or `=` (JSON, YAML, .env, code).
    static func keyName(_ word: String) -> String {
        "\(word)[A-Za-z0-9_.-]*[\"']?\\s*(?::|=|=>)"
    }
}
