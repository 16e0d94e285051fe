import ClayDetect
import Testing

@Suite struct WebhookComparisonTests {
    @Test func flagsAnEqualityCheckOfTheHeader() {
        let code = """
            const signature = req.headers['x-clay-signature'];
            if (signature === expected) { ok(); }
            """
        let verdict = WebhookComparison.verdict(code)
        #expect(verdict.readsHeader)
        #expect(verdict.naiveComparisons.map(\.line) == [2])
    }

    @Test func flagsADirectComparisonInPython() {
        let code = "if request.headers.get('X-Clay-Webhook-Auth') != settings.TOKEN:\n    abort(401)"
        #expect(WebhookComparison.verdict(code).naiveComparisons.map(\.line) == [1])
    }

    @Test func acceptsAConstantTimeComparison() {
        let code = """
            sig = request.headers.get("x-clay-signature", "")
            if not hmac.compare_digest(sig, expected):
                abort(401)
            """
        let verdict = WebhookComparison.verdict(code)
        #expect(verdict.readsHeader)
        #expect(verdict.naiveComparisons.isEmpty)
    }

    @Test func codeWithoutTheHeaderIsNotApplicable() {
        #expect(!WebhookComparison.verdict("if a == b { }").readsHeader)
    }
}

@Suite struct WebhookComparisonFixtureTests {
    @Test func aHeaderNamedOutsideARequestIsNotAReceiver() {
        let code = "let found = scan(\"X-CLAY-WEBHOOK-AUTH: value\")\n#expect(found.count == 1)"
        #expect(!WebhookComparison.verdict(code).readsHeader)
    }
}
