using System.Runtime.CompilerServices;

namespace Serverless.Functions.Durable.Tests.Support;

internal static class QuietTestHost
{
    /// <summary>DurableTaskTestHost runs its gRPC sidecar on a default web host, which reads its log levels from
    /// environment variables only: without this, every gRPC call of every test is an information line.</summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
    }
}
