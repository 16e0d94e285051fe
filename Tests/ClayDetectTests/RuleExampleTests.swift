import ClayDetect
import TestSupport
import Testing

/// Every built-in rule reports its own examples and leaves its counter-examples alone.
@Suite struct RuleExampleTests {
    static let detector = Detector(rules: BuiltInRules.all)

    static var examples: [(String, String)] {
        BuiltInRules.all.flatMap { rule in rule.examples.map { (rule.id, $0) } }
    }

    static var counterExamples: [(String, String)] {
        BuiltInRules.all.flatMap { rule in rule.counterExamples.map { (rule.id, $0) } }
    }

    @Test(arguments: examples)
    func reportsExample(rule: String, template: String) throws {
        for seed in UInt64(1)...5 {
            let line = FakeSecrets.expand(template, seed: seed)
            let found = try Self.detector.scan(line, path: "src/app.py")
            #expect(found.map(\.rule) == [rule], "\(rule) on: \(line)")
        }
    }

    @Test(arguments: counterExamples)
    func leavesOutCounterExample(rule: String, line: String) throws {
        for seed in UInt64(1)...5 {
            let expanded = FakeSecrets.expand(line, seed: seed)
            let found = try Self.detector.scan(expanded, path: "src/app.py").filter { $0.rule == rule }
            #expect(found.isEmpty, "\(rule) fired on: \(expanded)")
        }
    }

    @Test func everyRuleHasExamplesBothWays() throws {
        for rule in BuiltInRules.all where !rule.matchesPathOnly {
            #expect(!rule.examples.isEmpty, "\(rule.id) has no example")
            #expect(!rule.counterExamples.isEmpty, "\(rule.id) has no counter-example")
        }
    }

    @Test func ruleIdsAreUniqueAndKebabCase() throws {
        let ids = BuiltInRules.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }) }
    }
}

/// Built-in patterns are compiled lazily, so a test must compile each one.
@Suite struct BuiltInPatternTests {
    @Test func everyBuiltInPatternCompiles() throws {
        for rule in BuiltInRules.all {
            _ = try BytePattern(rule.pattern.source, validate: true)
            if let context = rule.context { _ = try BytePattern(context.source, validate: true) }
            if let reject = rule.rejectPrefix { _ = try BytePattern(reject.source, validate: true) }
        }
    }

    @Test func aBadPatternNamesItsOffset() throws {
        #expect(throws: PatternError.self) { try BytePattern("clay_(unclosed") }
    }
}
