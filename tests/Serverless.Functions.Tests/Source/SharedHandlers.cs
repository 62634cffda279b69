using System.Reflection;
using Serverless.Api;
using Serverless.Approvals;
using Serverless.Connectors.Sandbox;
using Serverless.Crm;
using Serverless.Helpdesk;
using Serverless.Intake;
using Serverless.Mail;
using Serverless.OpsConsole;

namespace Serverless.Functions.Tests.Source;

/// <summary>The libraries whose handlers both hosts call: a Functions HTTP trigger may only call into these, and its
/// route constants are read from their real types.</summary>
internal static class SharedHandlers
{
    public static IReadOnlyList<Assembly> Assemblies { get; } =
        [typeof(ApiRoutes).Assembly, typeof(ApprovalRoutes).Assembly, typeof(SandboxEndpoints).Assembly, typeof(IntakeApi).Assembly,
        typeof(MailEndpoints).Assembly, typeof(CrmNames).Assembly, typeof(HelpdeskNames).Assembly, typeof(ConsoleEndpoints).Assembly];

    public static IReadOnlySet<string> TypeNames { get; } =
        Assemblies.SelectMany(a => a.GetExportedTypes()).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The value of public const <paramref name="member"/> of the exported type named <paramref name="typeName"/>.</summary>
    public static string? Constant(string typeName, string member) =>
        Assemblies.SelectMany(a => a.GetExportedTypes()).Where(t => t.Name == typeName)
            .Select(t => t.GetField(member, BindingFlags.Public | BindingFlags.Static))
            .FirstOrDefault(f => f is { IsLiteral: true })?.GetRawConstantValue() as string;
}
