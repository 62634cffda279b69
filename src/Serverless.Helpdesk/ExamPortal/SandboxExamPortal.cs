using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Serverless.Connectors.Sandbox;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.ExamPortal;

/// <summary>The files the sandbox exam portal knows, by lower-case email (the demo backlog fills it).</summary>
public sealed class ExamPortalSandboxData
{
    public ConcurrentDictionary<string, ExamPortalFile> Files { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The exam portal in sandbox mode: answers from <see cref="ExamPortalSandboxData"/> and records each read in
/// the sandbox call log (GET /api/sandbox/calls), like every sandbox connector.</summary>
public sealed class SandboxExamPortal(ExamPortalSandboxData data, ISandboxCallLog log, TimeProvider time) : IExamPortal
{
    public const string Connector = "ExamPortal";

    public async Task<ExamPortalFile?> GetFileAsync(string email, ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = data.Files.TryGetValue(email, out var found) ? found : null;
        await log.RecordAsync(new SandboxCall(Connector, nameof(GetFileAsync), context.InstanceId, context.WorkflowId, context.StepKey,
            context.IdempotencyKey, new JsonObject { ["method"] = "GET", ["path"] = "/dossier", ["email"] = email },
            file?.ToJson(), time.GetUtcNow()), cancellationToken);
        return file;
    }
}
