import TestSupport
import Testing

@testable import ClayDetect

@Suite struct DetectorTests {
    let detector = Detector(rules: BuiltInRules.all)

    @Test func reportsLineAndColumnOfTheSecret() throws {
        let key = FakeSecrets.clayKey()
        let found = try detector.scan("a=1\r\nb=2\r\n  CLAY_API_KEY=\(key)", path: "x.env")
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.column == 16)
    }

    @Test func findsAKeyInsideBinaryContent() throws {
        let key = FakeSecrets.clayKey()
        var bytes: [UInt8] = [0, 1, 2, 0, 255, 10]
        bytes += Array("k=\(key)".utf8) + [0, 0]
        let found = try bytes.withUnsafeBufferPointer { try detector.scan($0, path: "blob.bin") }
        #expect(found.map(\.rule) == ["clay-api-key"])
    }

    @Test func keywordsMatchWhateverTheirCase() throws {
        let key = FakeSecrets.expand("{hex:20}", seed: 9)
        let found = try detector.scan("X-CLAY-WEBHOOK-AUTH: \(key)", path: "a.py")
        #expect(found.map(\.rule) == ["clay-webhook-auth"])
    }

    @Test func aHubSpotTokenIsOneFindingNotTwo() throws {
        let token = FakeSecrets.expand("pat-na1-{uuid}", seed: 3)
        let found = try detector.scan("hubspot_token = '\(token)'", path: "a.py")
        #expect(found.map(\.rule) == ["hubspot-private-app-token"])
    }

    @Test func aWebhookURLIsNotAlsoAHardcodedURL() throws {
        let found = try detector.scan("URL='\(FakeSecrets.webhookURL())'", path: "a.py")
        #expect(found.map(\.rule) == ["clay-webhook-url"])
    }

    @Test func aLiteralDefaultBehindAnEnvironmentReadStillLeaks() throws {
        let line = "os.getenv(\"CLAY_URL\", \"\(FakeSecrets.webhookURL())\")"
        #expect(try detector.scan(line, path: "a.py").map(\.rule) == ["clay-webhook-url"])
    }

    @Test func hardcodedEndpointSeverityFollowsTheFileKind() throws {
        let url = "https://" + FakeSecrets.clayAPIHost + "/v1/tables/t_abc123XYZ/rows"
        #expect(try detector.scan("get('\(url)')", path: "src/a.py").first?.severity == .medium)
        #expect(try detector.scan("see \(url)", path: "docs/api.md").first?.severity == .low)
    }

    @Test func theInlineMarkerIsSeen() throws {
        let key = FakeSecrets.clayKey()
        let found = try detector.scan("k = '\(key)'  # clay-guard:allow", path: "a.py")
        #expect(found.first?.isAllowedInline == true)
    }

    @Test func redactionKeepsThePrefixAndHidesTheBody() throws {
        let key = FakeSecrets.clayKey()
        let finding = try #require(try detector.scan("k=\(key)", path: "a").first)
        #expect(finding.redacted.hasPrefix("clay_ent_"))
        #expect(!finding.redacted.contains(String(key.suffix(20))))
        #expect(finding.fingerprint.count == 16)
    }

    @Test func theCLICredentialFileIsReportedByPath() throws {
        #expect(detector.scanPath("home/.config/clay/config.json")?.rule == "clay-cli-credentials")
        #expect(detector.scanPath("config/clay.json") == nil)
    }

    @Test func notClayHostsAndWordsNeverMatch() throws {
        let lines = [
            "MCP=https://mcp.clay.earth/v1/tools", "const clay_block = 1",
            "CLAY_ACCESS_KEY=abcdefabcdef0123456789", "hooks.clay.com/v1/abc",
        ]
        for line in lines { #expect(try detector.scan(line, path: "a.py").isEmpty, "\(line)") }
    }
}

@Suite struct PlaceholderTests {
    @Test(arguments: [
        "your_api_key_here", "xxxxxxxxxxxxxxxx", "<YOUR_KEY>", "${CLAY_API_KEY}", "...",
        "00000000-0000-0000-0000-000000000000", "REDACTED", "changeme123", "{{secrets.key}}",
    ])
    func placeholders(value: String) {
        #expect(Placeholder.isPlaceholder(value))
    }

    @Test func aRandomValueWithAWordInsideIsNoPlaceholder() throws {
        #expect(!Placeholder.isPlaceholder("a1b2c3testd4e5f6a7b8c9d0e1f2a3b4"))
        #expect(!Placeholder.isPlaceholder(FakeSecrets.expand("{alnum:28}", seed: 4)))
    }

    @Test func wordyBodies() throws {
        #expect(Placeholder.isWordy("production_key"))
        #expect(!Placeholder.isWordy("q7Hf2LxV9aRt"))
    }
}

@Suite struct KeywordFilterTests {
    @Test func findsEveryOccurrenceCaseInsensitively() throws {
        let filter = KeywordFilter(keywords: ["clay", "sk_"])
        var bytes = Array("CLAY clay xsk_ Clay".utf8)
        let hits = bytes.withUnsafeMutableBufferPointer { filter.hits(in: UnsafeBufferPointer($0)) }
        #expect(hits.map(\.offset) == [0, 5, 11, 15])
    }

    @Test func aKeywordAtTheVeryEndIsFound() throws {
        let filter = KeywordFilter(keywords: ["pat-"])
        var bytes = Array("xx pat-".utf8)
        let hits = bytes.withUnsafeMutableBufferPointer { filter.hits(in: UnsafeBufferPointer($0)) }
        #expect(hits.map(\.offset) == [3])
    }
}

@Suite struct KeywordFilterEdgeTests {
    func offsets(_ keywords: [String], _ text: String) -> [Int] {
        let filter = KeywordFilter(keywords: keywords)
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { filter.hits(in: UnsafeBufferPointer($0)) }.map(\.offset)
    }

    @Test func threeByteKeywordsAnywhereIncludingTheEnd() throws {
        #expect(offsets(["sk_"], "sk_") == [0])
        #expect(offsets(["sk_"], "a SK_b sk_") == [2, 7])
    }

    @Test func shortKeywordsUseTheSlowPath() throws {
        #expect(offsets(["a"], "bab") == [1])
        #expect(offsets(["ab"], "xabAB") == [1, 3])
    }

    @Test func foldingLetsNoNonLetterThrough() throws {
        #expect(offsets(["clay_ent_"], "clay\u{7F}ent_ CLAY_ENT_") == [10])
        #expect(offsets(["x-clay"], "X-Clay x\rclay") == [0])
    }

    @Test func agreesWithANaiveSearchOnRandomText() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("clayCLAY_sk-00d.api pat".utf8)
        let keywords = ["clay", "sk_", "api.clay", "00d", "pat-", "clay_"]
        for _ in 0..<200 {
            let bytes = (0..<64).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            let text = String(decoding: bytes, as: UTF8.self)
            var expected: [Int] = []
            let lower = Array(text.lowercased().utf8)
            for offset in lower.indices {
                for keyword in keywords.map({ Array($0.utf8) })
                where offset + keyword.count <= lower.count
                    && Array(lower[offset..<(offset + keyword.count)]) == keyword
                {
                    expected.append(offset)
                }
            }
            #expect(offsets(keywords, text).sorted() == expected.sorted(), "\(text)")
        }
    }
}
