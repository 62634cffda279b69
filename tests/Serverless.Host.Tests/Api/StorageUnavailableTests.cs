using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Support;
using Xunit.Abstractions;

namespace Serverless.Host.Tests.Api;

/// <summary>Issue 11: a data folder that stops taking writes answers 503 naming the store and the reason, health says
/// Unhealthy with the same reason, and the host recovers on its own once the disk is back, losing nothing it accepted.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class StorageUnavailableTests(ITestOutputHelper output)
{
    private const string StorageUnavailableType = "https://serverless.local/problems/storage-unavailable";

    [Fact]
    public async Task MultipartIntake_BlobFolderUnwritable_Is503NamingTheStore_HealthUnhealthy_RecoversWithoutRestart()
    {
        using var factory = new EmbeddedHostFactory();
        using var http = factory.CreateClient();
        (await Health(http))["status"]!.GetValue<string>().Should().Be("Healthy");
        var blobs = Path.Combine(factory.DataFolder, "blobs");

        using (var broken = UnwritableFolder.Make(blobs))
        {
            output.WriteLine($"Blob folder made unwritable by: {broken.Mechanism}");
            using var refused = await PostMultipartAsync(http);

            var problem = await refused.ShouldBeProblemAsync(503);
            problem["type"]!.GetValue<string>().Should().Be(StorageUnavailableType);
            problem["store"]!.GetValue<string>().Should().Be("blobs");
            problem["reason"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
            var health = await Health(http, HttpStatusCode.ServiceUnavailable);
            health["status"]!.GetValue<string>().Should().Be("Unhealthy");
            health["checks"]!["storage"]!["description"]!.GetValue<string>().Should().Contain(blobs);
        }

        using var accepted = await PostMultipartAsync(http);
        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        (await Health(http))["status"]!.GetValue<string>().Should().Be("Healthy");
    }

    [Fact]
    public async Task Start_RuntimeDatabaseUnwritableAfterRestart_Is503_HealthUnhealthy_RecoversWithoutRestart_KeepsAcceptedInstance()
    {
        using var data = new TempFolder();
        string acceptedBefore;
        using (var first = new EmbeddedHostFactory(data.Path))
        using (var http = first.CreateClient())
        {
            acceptedBefore = await StartedIdAsync(await StartAsync(http));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var second = new EmbeddedHostFactory(data.Path);
        IDisposable broken;
        if (UnwritableFolder.ChmodIsIgnored())
        {
            // Root ignores chmod; a folder where SQLite expects its write-ahead log is a real failure it cannot bypass.
            var wal = Path.Combine(data.Path, "runtime.db-wal");
            Directory.CreateDirectory(wal);
            broken = new Cleanup(() => Directory.Delete(wal));
            output.WriteLine("Runtime database made unusable by: a folder at runtime.db-wal (running as root)");
        }
        else
        {
            var folder = UnwritableFolder.Make(data.Path);
            output.WriteLine($"Data folder made unwritable by: {folder.Mechanism}");
            broken = folder;
        }

        using var client = second.CreateClient();
        using (broken)
        {
            using var refused = await StartAsync(client);

            var problem = await refused.ShouldBeProblemAsync(503);
            problem["type"]!.GetValue<string>().Should().Be(StorageUnavailableType);
            problem["store"]!.GetValue<string>().Should().Be("runtime");
            problem["reason"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
            var health = await Health(client, HttpStatusCode.ServiceUnavailable);
            health["checks"]!["runtime"]!["status"]!.GetValue<string>().Should().Be("Unhealthy");
            health["checks"]!["runtime"]!["description"]!.GetValue<string>().Should().Contain("runtime.db");
        }

        using var accepted = await RetryAsync(() => StartAsync(client));
        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var before = await client.GetAsync($"/api/instances/{acceptedBefore}");
        before.StatusCode.Should().Be(HttpStatusCode.OK, "an instance accepted before the failure is still there");
        (await Health(client))["status"]!.GetValue<string>().Should().Be("Healthy");
    }

    [Fact]
    public async Task Host_RuntimeDatabaseUnopenable_StartsAndStopsPromptly()
    {
        using var data = new TempFolder();
        var wal = Path.Combine(data.Path, "runtime.db-wal");
        Directory.CreateDirectory(wal);
        var factory = new EmbeddedHostFactory(data.Path);
        using (var http = factory.CreateClient())
        {
            await Health(http, HttpStatusCode.ServiceUnavailable);
        }

        var stop = Task.Run(factory.Dispose);

        (await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10)))).Should().Be(stop, "stopping must not wait for the disk to come back");
        Directory.Delete(wal);
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient http) =>
        http.PostAsync("/api/workflows/hello/instances", new StringContent("""{"name":"Ada"}""", Encoding.UTF8, "application/json"));

    private static async Task<string> StartedIdAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
    }

    /// <summary>The pump reopens its store on its next turn; a caller may see one more 503 before it does.</summary>
    private static async Task<HttpResponseMessage> RetryAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var i = 0; ; i++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || i == 50)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }
    }

    private static async Task<JsonObject> Health(HttpClient http, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.GetAsync("/api/health");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient http)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent("contact", Encoding.UTF8), "source" },
            { new StringContent("Fichier joint", Encoding.UTF8), "objet" },
            { new StringContent("Voici la capture d'écran du problème de connexion.", Encoding.UTF8), "description" },
            { new StringContent("marie.durand@example.com", Encoding.UTF8), "user_email" },
            { new StringContent("Marie Durand", Encoding.UTF8), "user_name" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("hello"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        content.Add(file, "fichiers", "note.txt");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/requests") { Content = content };
        request.Headers.Add("X-API-Key", EmbeddedHostFactory.IntakeApiKey);
        return await http.SendAsync(request);
    }

    private sealed class Cleanup(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
