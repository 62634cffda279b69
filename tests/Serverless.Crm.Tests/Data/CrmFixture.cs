using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Serverless.Connectors.Email;
using Serverless.Connectors.Selection;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Runtime.Abstractions;
using Serverless.Storage;
using Serverless.Storage.Documents;
using Serverless.Storage.Documents.Sqlite;

namespace Serverless.Crm.Tests.Data;

/// <summary>A DocumentCrmStore on a SQLite document store in a temp folder, with a fake clock.</summary>
public sealed class CrmFixture : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crm-{Guid.NewGuid():N}");

    public CrmFixture()
    {
        Documents = new SqliteDocumentStore(Options.Create(new DocumentStoreOptions()), Options.Create(new StorageOptions { DataFolder = folder }));
        Store = new DocumentCrmStore(Documents, Clock);
        Changes = new CrmChanges(Store, Events, Clock);
    }

    /// <summary>The change events published through <see cref="Changes"/> (nothing dispatches them here).</summary>
    public RecordedEvents Events { get; } = new();

    public CrmChanges Changes { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    public IDocumentStore Documents { get; }

    public DocumentCrmStore Store { get; }

    public static ActivityContext Context(JsonObject input, bool dryRun = false, string key = "inst-1/action_0", int attempt = 1) =>
        new("inst-1", "crm.workflow.1", "action_0", key, attempt, input, dryRun);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>Keeps the change events published, starting nothing.</summary>
public sealed class RecordedEvents : ICrmEventSink
{
    public List<CrmChangeEvent> Published { get; } = [];

    public Task<CrmDispatchResult> PublishAsync(CrmChangeEvent change, CancellationToken cancellationToken = default)
    {
        lock (Published)
        {
            Published.Add(change);
        }

        return Task.FromResult(CrmDispatchResult.None);
    }
}

/// <summary>Records what would have been sent.</summary>
public sealed class FakeEmail : IConnectorProvider<IEmailSender>, IEmailSender
{
    public List<EmailMessage> Sent { get; } = [];

    public bool IsConfigured => true;

    public IEmailSender For(ActivityContext context) => this;

    public Task<EmailReceipt> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Sent.Add(message);
        return Task.FromResult(new EmailReceipt($"m{Sent.Count}@test"));
    }
}

public sealed class FakeHttp(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler, IHttpClientFactory
{
    public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
        return answer(request);
    }
}
