import ClayDetect

/// The steps after a history sweep, and the input files for BFG and git-filter-repo.
public enum CleanupPlan {
    static let replacement = "***REMOVED-BY-CLAY-GUARD***"
    /// BFG leaves blobs of this size and more alone unless told otherwise.
    static let bfgBlobLimit = 1 << 20

    public static func text(for report: Report) -> String {
        guard !report.findings.isEmpty else { return "" }
        let distinct = Set(report.findings.map(\.finding.fingerprint)).count
        let inHead = report.findings.filter { $0.provenance?.inHead == true }
        var text = "\(distinct) distinct secret\(distinct == 1 ? "" : "s") in history"
        text += inHead.isEmpty ? ".\n\n" : ", \(inHead.count) still in HEAD.\n\n"
        text += """
            Cleanup plan:
              1. Rotate every credential above first, in Clay or the provider: rewriting history
                 does not un-leak a key that was pushed.
              2. Remove each one from HEAD and commit (BFG leaves the files of HEAD alone).
              3. Write the replacement file and rewrite history:
                   clay-guard history --filter-repo-replacements secrets.txt
                   git filter-repo --replace-text secrets.txt
                 or, with BFG:
                   clay-guard history --bfg-replacements secrets.txt
                   java -jar bfg.jar --replace-text secrets.txt
              4. Expire the reflogs and collect the garbage:
                   git reflog expire --expire=now --all && git gc --prune=now --aggressive
              5. Force-push every rewritten ref (git push --force --all && git push --force --tags)
                 and have every clone re-clone.
              6. Run `clay-guard history` again: it must come back clean.
              Delete secrets.txt afterwards: it holds the secrets in plain text.

            """
        if report.findings.contains(where: { $0.finding.textSize >= bfgBlobLimit }) {
            text +=
                "  Note: a secret sits in a blob of 1 MiB or more; BFG skips such blobs unless "
                + "given --massive-non-file-objects-sized-up-to or --no-blob-protection; "
                + "git-filter-repo does not.\n"
        }
        return text
    }

    /// One literal line per distinct secret for BFG's `--replace-text`. BFG splits on the first
    /// `==>`, so a secret that holds `==>` cannot be written and is returned as skipped.
    public static func bfgReplacements(_ findings: [Finding]) -> (text: String, skipped: Int) {
        replacements(findings) { !$0.contains("==>") }
    }

    /// One literal line per distinct secret for git-filter-repo's `--replace-text`, which splits
    /// on the last `==>`, so a secret that holds `==>` still works with the suffix present.
    public static func filterRepoReplacements(_ findings: [Finding]) -> (text: String, skipped: Int) {
        replacements(findings) { _ in true }
    }

    /// Both tools work on lines, so a secret with a newline cannot be given to either; a
    /// secret that starts like one of their prefixes is marked literal.
    private static func replacements(
        _ findings: [Finding], toolAccepts: (String) -> Bool
    ) -> (text: String, skipped: Int) {
        var lines: [String] = []
        var skipped = 0
        for secret in distinctSecrets(findings) {
            guard !secret.contains("\n"), toolAccepts(secret) else {
                skipped += 1
                continue
            }
            let literal =
                secret.hasPrefix("regex:") || secret.hasPrefix("glob:") ? "literal:" + secret : secret
            lines.append("\(literal)==>\(replacement)\n")
        }
        return (lines.joined(), skipped)
    }

    /// Whether a path names a file that should leave history whole: `.env` files (not the
    /// examples), private keys, the Clay CLI's credential file.
    public static func isSecretFile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let lower = name.lowercased()
        if path.hasSuffix(".config/clay/config.json") { return true }
        if lower.hasSuffix(".key") { return true }
        guard lower == ".env" || lower.hasPrefix(".env.") else { return false }
        return !["example", "sample", "template", "dist", "defaults"].contains {
            lower.hasSuffix(".\($0)")
        }
    }

    private static func distinctSecrets(_ findings: [Finding]) -> [String] {
        var seen = Set<String>()
        return findings.filter { $0.rule != BuiltInRules.cliCredentialsID }
            .map(\.secret).filter { seen.insert($0).inserted }.sorted()
    }
}
