import Foundation

/// Runs programs and builds git repositories in temporary directories, for tests.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

public enum Shell {
    /// Runs `arguments[0]` (looked up on PATH) in `directory`, feeding `input` on stdin.
    @discardableResult
    public static func run(
        _ arguments: [String], in directory: String, input: String? = nil,
        environment: [String: String] = [:]
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("GIT_") { env[key] = nil }
        env.merge(TestRepository.gitEnvironment) { _, new in new }
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A throwaway repository made by the real git, removed when the value is dropped.
public final class TestRepository {
    public let path: String
    private let root: String

    /// Isolates git from the machine's own configuration.
    public static let gitEnvironment: [String: String] = {
        let home = NSTemporaryDirectory() + "clay-guard-test-home-\(getpid())"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let config = home + "/.gitconfig"
        if !FileManager.default.fileExists(atPath: config) {
            try? """
            [user]
            \tname = Test
            \temail = test@example.invalid
            [init]
            \tdefaultBranch = main
            [advice]
            \tdetachedHead = false
            """.write(toFile: config, atomically: true, encoding: .utf8)
        }
        return ["HOME": home, "GIT_CONFIG_NOSYSTEM": "1", "XDG_CONFIG_HOME": home + "/.config"]
    }()

    public init(bare: Bool = false, initialize: Bool = true) throws {
        root = NSTemporaryDirectory() + "clay-guard-test-" + UUID().uuidString
        path = root + "/repo"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if initialize { try git(bare ? ["init", "-q", "--bare"] : ["init", "-q"]) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// A scratch directory beside the repository.
    public var scratch: String { root }

    @discardableResult
    public func git(_ arguments: [String], input: String? = nil) throws -> CommandResult {
        let result = try Shell.run(["git"] + arguments, in: path, input: input)
        if result.status != 0 {
            throw TestFailure("git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result
    }

    public func write(_ relative: String, _ content: String) throws {
        try write(relative, Data(content.utf8))
    }

    public func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    /// Writes, stages and commits one file.
    public func commit(_ relative: String, _ content: String, message: String = "change") throws {
        try write(relative, content)
        try git(["add", "--", relative])
        try git(["commit", "-q", "-m", message])
    }

    public func head() throws -> String {
        try git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

public struct TestFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// The built clay-guard binary, for end-to-end tests.
public enum ClayGuardBinary {
    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["CLAY_GUARD_BINARY"] { return override }
        // The test runner sits in the build directory beside the binary.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let bundle = Bundle.main.bundleURL
        let candidates = [
            bundle.appendingPathComponent("clay-guard").path,
            runner.deletingLastPathComponent().appendingPathComponent("clay-guard").path,
            bundle.deletingLastPathComponent().appendingPathComponent("clay-guard").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    @discardableResult
    public static func run(
        _ arguments: [String], in directory: String, input: String? = nil,
        environment: [String: String] = [:]
    ) throws -> CommandResult {
        try Shell.run([path] + arguments, in: directory, input: input, environment: environment)
    }
}
