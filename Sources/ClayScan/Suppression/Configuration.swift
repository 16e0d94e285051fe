import ClayDetect

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The team's settings from `.clay-guard.json`: what to skip, what to allow, which rules to
/// change, and custom rules that run through the same engine as the built-in ones.
public struct Configuration: Sendable {
    public var skipPaths: [String] = []
    public var allowValues: [BytePattern] = []
    public var disabledRules: Set<String> = []
    public var severityOverrides: [String: Severity] = [:]
    public var failOn: Severity?
    public var customRules: [Rule] = []
    /// Keys the file has that this version does not know; they are warned about, not fatal.
    public var unknownKeys: [String] = []

    public static let fileName = ".clay-guard.json"
    static let knownKeys: Set<String> = [
        "version", "skipPaths", "allowValues", "disabledRules", "severity", "failOn", "customRules",
    ]

    public init() {}

    /// Parses and checks the file; a bad value names its dotted key path.
    public init(bytes: [UInt8]) throws(ScanError) {
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            throw .config(keyPath: "(file)", reason: "not valid JSON")
        }
        guard case .object(let fields) = root else {
            throw .config(keyPath: "(file)", reason: "must be a JSON object")
        }
        for key in fields.keys.sorted() where !Self.knownKeys.contains(key) {
            unknownKeys.append(key)
        }
        if let version = fields["version"] {
            guard case .number(let number) = version, number == 1 else {
                throw .config(keyPath: "version", reason: "must be 1")
            }
        }
        skipPaths = try Self.strings(fields["skipPaths"], "skipPaths")
        for (index, source) in try Self.strings(fields["allowValues"], "allowValues").enumerated() {
            do {
                allowValues.append(try BytePattern(source))
            } catch {
                throw .config(keyPath: "allowValues[\(index)]", reason: error.description)
            }
        }
        disabledRules = Set(try Self.strings(fields["disabledRules"], "disabledRules"))
        if let severity = fields["severity"] {
            guard case .object(let entries) = severity else {
                throw .config(keyPath: "severity", reason: "must be an object of rule id to level")
            }
            for (rule, value) in entries {
                guard case .string(let name) = value, let level = Severity(name: name) else {
                    throw .config(keyPath: "severity.\(rule)", reason: "must be high, medium or low")
                }
                severityOverrides[rule] = level
            }
        }
        if let failOn = fields["failOn"] {
            guard case .string(let name) = failOn, let level = Severity(name: name) else {
                throw .config(keyPath: "failOn", reason: "must be high, medium or low")
            }
            self.failOn = level
        }
        customRules = try Self.rules(fields["customRules"])
    }

    /// Whether `path` matches one of the skip globs (`*` crosses `/`; a glob without `/` also
    /// matches the file name alone).
    public func skips(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return skipPaths.contains { glob in
            fnmatch(glob, path, 0) == 0 || (!glob.contains("/") && fnmatch(glob, name, 0) == 0)
                || (glob.hasSuffix("/**") && path.hasPrefix(String(glob.dropLast(2))))
        }
    }

    /// The built-in rules less the disabled ones, plus the custom rules.
    public func rules(builtIn: [Rule] = BuiltInRules.all) -> [Rule] {
        builtIn.filter { !disabledRules.contains($0.id) } + customRules
    }

    private static func strings(_ value: JSONValue?, _ key: String) throws(ScanError) -> [String] {
        guard let value else { return [] }
        guard case .array(let items) = value else {
            throw .config(keyPath: key, reason: "must be an array of strings")
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw .config(keyPath: "\(key)[\(index)]", reason: "must be a string")
            }
            result.append(text)
        }
        return result
    }

    private static func rules(_ value: JSONValue?) throws(ScanError) -> [Rule] {
        guard let value else { return [] }
        guard case .array(let items) = value else {
            throw .config(keyPath: "customRules", reason: "must be an array of rule objects")
        }
        var rules: [Rule] = []
        for (index, item) in items.enumerated() {
            let path = "customRules[\(index)]"
            guard case .object(let fields) = item else {
                throw .config(keyPath: path, reason: "must be an object")
            }
            guard case .string(let id)? = fields["id"], !id.isEmpty else {
                throw .config(keyPath: "\(path).id", reason: "must be a non-empty string")
            }
            guard case .string(let pattern)? = fields["pattern"] else {
                throw .config(keyPath: "\(path).pattern", reason: "must be a string")
            }
            var severity = Severity.high
            if let level = fields["severity"] {
                guard case .string(let name) = level, let parsed = Severity(name: name) else {
                    throw .config(keyPath: "\(path).severity", reason: "must be high, medium or low")
                }
                severity = parsed
            }
            let keywords = try strings(fields["keywords"], "\(path).keywords")
            var description = "custom rule \(id)"
            if case .string(let text)? = fields["description"] { description = text }
            do {
                var rule = try Rule(
                    id: id, severity: severity, description: description, keywords: keywords,
                    pattern: pattern)
                rule.isCustom = true
                rule.rejectsWordyBody = false
                if let entropy = fields["minEntropy"] {
                    guard case .number(let bits) = entropy, bits >= 0 else {
                        throw ScanError.config(keyPath: "\(path).minEntropy", reason: "must be a number")
                    }
                    rule.minimumEntropy = bits
                }
                rules.append(rule)
            } catch let error as PatternError {
                throw .config(keyPath: "\(path).pattern", reason: error.description)
            } catch let error as ScanError {
                throw error
            } catch {
                throw .config(keyPath: path, reason: "\(error)")
            }
        }
        return rules
    }
}
