import ClayDetect
import ClayGit
import ClayScan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line: parses the words, runs the command, renders errors, returns the exit code.
public enum ClayGuardCLI {
    public static func main() -> Never {
        // A closed stdout must surface as a write error (exit 2), not kill the process.
        signal(SIGPIPE, SIG_IGN)
        exit(run(Array(CommandLine.arguments.dropFirst())).rawValue)
    }

    public static func run(_ words: [String]) -> ExitCode {
        let arguments: Arguments
        do {
            arguments = try Arguments.parse(words)
        } catch {
            let console = Console(color: nil, quiet: false)
            console.error(error.message, hint: "see `clay-guard --help`")
            return .usage
        }
        let console = Console(color: arguments.color, quiet: arguments.quiet)
        if arguments.help || arguments.command == "help" || arguments.command.isEmpty {
            do {
                try console.report(Help.text)
            } catch {
                return .incomplete
            }
            return arguments.command.isEmpty && !arguments.help ? .usage : .clean
        }
        guard let command = Commands.table[arguments.command] else {
            console.error("unknown command '\(arguments.command)'", hint: "see `clay-guard --help`")
            return .usage
        }
        do {
            return try command(arguments, console)
        } catch let error as UsageError {
            console.error(error.message, hint: "see `clay-guard --help`")
            return .usage
        } catch {
            let failure = ScanError.wrap(error)
            console.error(failure.message, hint: failure.hint)
            return .incomplete
        }
    }
}
