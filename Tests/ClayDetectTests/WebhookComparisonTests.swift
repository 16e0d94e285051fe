import ClayDetect
import Testing

@Suite struct WebhookComparisonTests {
    @Test func flagsAnEqualityCheckOfTheHeader() throws {
        let code = """
            const signature = req.headers['x-clay-signature'];
            if (signature === expected) { ok(); }
            """
        let verdict = try WebhookComparison.verdict(code)
        #expect(verdict.readsHeader)
        #expect(verdict.naiveComparisons.map(\.line) == [2])
    }

    @Test func flagsADirectComparisonInPython() throws {
        let code = "if request.headers.get('X-Clay-Webhook-Auth') != settings.TOKEN:\n    abort(401)"
        #expect(try WebhookComparison.verdict(code).naiveComparisons.map(\.line) == [1])
    }

    @Test func acceptsAConstantTimeComparison() throws {
        let code = """
            sig = request.headers.get("x-clay-signature", "")
            if not hmac.compare_digest(sig, expected):
                abort(401)
            """
        let verdict = try WebhookComparison.verdict(code)
        #expect(verdict.readsHeader)
        #expect(verdict.naiveComparisons.isEmpty)
    }

    @Test func codeWithoutTheHeaderIsNotApplicable() throws {
        #expect(try !WebhookComparison.verdict("if a == b { }").readsHeader)
    }
}

@Suite struct WebhookComparisonFixtureTests {
    @Test func aHeaderNamedOutsideARequestIsNotAReceiver() throws {
        let code = "let found = scan(\"X-CLAY-WEBHOOK-AUTH: value\")\n#expect(found.count == 1)"
        #expect(try !WebhookComparison.verdict(code).readsHeader)
    }
}
