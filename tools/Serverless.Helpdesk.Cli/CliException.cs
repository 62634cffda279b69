namespace Serverless.Helpdesk.Cli;

/// <summary>A failure the CLI reports as one line on standard error, with its exit code.</summary>
internal sealed class CliException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

internal static class CliExit
{
    public const int Ok = 0;
    public const int Failures = 1;
    public const int Usage = 2;
    public const int HostUnreachable = 3;
    public const int HostError = 4;
    public const int NotConfirmed = 5;
}
