/// The exit codes, the same for every command.
public enum ExitCode: Int32, Sendable {
    /// The scan completed and found nothing at or above the `--fail-on` level.
    case clean = 0
    /// Findings at or above the `--fail-on` level.
    case findings = 1
    /// The scan could not complete; never mistaken for clean.
    case incomplete = 2
    /// Unknown command or option, or a bad value.
    case usage = 64
}
