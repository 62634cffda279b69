using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Serverless.Intake.Tests.Support;

namespace Serverless.Intake.Tests.Intake;

public sealed class IntakeEndpointTests : IAsyncLifetime
{
    private IntakeHost host = null!;

    public async Task InitializeAsync() => host = await IntakeHost.StartAsync(new Dictionary<string, string?>
    {
        ["RequestHandler:Intake:MaxFileBytes"] = "1024",
        ["RequestHandler:Intake:MaxFiles"] = "3",
        ["RequestHandler:Intake:SignatureSecrets:0"] = "signing-secret",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task PostJson_ValidSupportRequest_Returns202WithInstanceIdStatusUrlAndLocation()
    {
        var (response, body) = await host.SendAsync(host.Post(IntakeHost.SupportRequest()));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var id = body!["instanceId"]!.ToString();
        body["statusUrl"]!.ToString().Should().Be($"/api/instances/{id}");
        response.Headers.Location!.ToString().Should().Be($"/api/instances/{id}");
        (await host.Workflows.GetAsync(id))!.WorkflowId.Should().Be("request-handler");
    }

    [Fact]
    public async Task PostJson_AcceptedRequest_IsCommittedToTheRuntimeDatabaseBeforeThe202()
    {
        var (response, body) = await host.SendAsync(host.Post(IntakeHost.SupportRequest("Durable")));
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);

        // A separate connection sees only committed rows.
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT workflow_id FROM instances WHERE id = $id";
        command.Parameters.AddWithValue("$id", body!["instanceId"]!.ToString());
        (await command.ExecuteScalarAsync()).Should().Be("request-handler");
    }

    [Fact]
    public async Task PostJson_InlineFile_IsStagedInTheBlobStoreAndTheInputHoldsAReferenceNotTheContent()
    {
        var request = IntakeHost.ModellingRequest();
        var (response, body) = await host.SendAsync(host.Post(request));
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);

        var view = await host.Workflows.GetAsync(body!["instanceId"]!.ToString());
        var file = view!.Input!["fichiers"]![0]!;
        file["contentBase64"].Should().BeNull();
        file["blob"]!["name"]!.ToString().Should().StartWith("staging/");
        file["size"]!.GetValue<long>().Should().Be("%PDF-1.4 plans du rez-de-chaussée"u8.Length);
        view.Input.ToJsonString().Should().NotContain(request["fichiers"]![0]!["contentBase64"]!.ToString());
    }

    [Fact]
    public async Task PostMultipart_FieldsAndFilePart_Returns202AndStagesTheFile()
    {
        var fields = IntakeHost.ModellingRequest();
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/intake/requests")
        {
            Content = IntakeHost.Multipart(fields, ("releve.dxf", "0\nSECTION\n2\nENTITIES"u8.ToArray(), "application/dxf")),
        };
        message.Headers.Add("X-API-Key", IntakeHost.ApiKey);

        var (response, body) = await host.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, body?.ToJsonString());
        var input = (await host.Workflows.GetAsync(body!["instanceId"]!.ToString()))!.Input!;
        input["objet"]!.ToString().Should().Be(fields["objet"]!.ToString());
        input["fichiers"]!.AsArray().Should().ContainSingle();
        input["fichiers"]![0]!["name"]!.ToString().Should().Be("releve.dxf");
        input["fichiers"]![0]!["blob"]!["name"]!.ToString().Should().StartWith("staging/");
    }

    [Fact]
    public async Task Post_NoApiKey_Returns401Problem()
    {
        var (response, body) = await host.SendAsync(host.Post(IntakeHost.SupportRequest(), apiKey: null));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        body!["detail"]!.ToString().Should().Contain("X-API-Key");
    }

    [Fact]
    public async Task Post_WrongApiKey_Returns401()
    {
        var (response, _) = await host.SendAsync(host.Post(IntakeHost.SupportRequest(), apiKey: IntakeHost.ApiKey + "x"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("source", null, "source")]
    [InlineData("source", "autre", "source")]
    [InlineData("objet", "  ", "objet")]
    [InlineData("user_email", "pas-un-email", "user_email")]
    [InlineData("user_email", "a@b", "user_email")]
    [InlineData("user_name", null, "user_name")]
    public async Task Post_InvalidField_Returns400NamingTheField(string field, string? value, string expectedField)
    {
        var request = IntakeHost.SupportRequest();
        request[field] = value;

        var (response, body) = await host.SendAsync(host.Post(request));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        body!["errors"]!.AsObject().Select(p => p.Key).Should().Equal(expectedField);
    }

    [Fact]
    public async Task Post_DescriptionOver20000Characters_Returns400NamingDescription()
    {
        var request = IntakeHost.SupportRequest();
        request["description"] = new string('a', 20_001);

        var (response, body) = await host.SendAsync(host.Post(request));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body!["errors"]!["description"]![0]!.ToString().Should().Contain("20000");
    }

    [Fact]
    public async Task Post_SeveralProblems_ReportsEveryOneAtOnce()
    {
        var request = new JsonObject
        {
            ["source"] = "web",
            ["description"] = "",
            ["user_email"] = "nobody",
            ["fichiers"] = new JsonArray(new JsonObject { ["name"] = "virus.exe", ["url"] = "https://files.example.com/virus.exe" }),
        };

        var (response, body) = await host.SendAsync(host.Post(request));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        body!["errors"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(
            "source", "objet", "description", "user_email", "user_name", "fichiers[0].name");
    }

    [Fact]
    public async Task Post_FileOverTheSizeLimit_Returns413NamingTheFile()
    {
        var request = IntakeHost.ModellingRequest();
        request["fichiers"]![0]!["contentBase64"] = Convert.ToBase64String(new byte[2048]);

        var (response, body) = await host.SendAsync(host.Post(request));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        body!["errors"]!.AsObject().Select(p => p.Key).Should().Equal("fichiers[0].contentBase64");
    }

    [Fact]
    public async Task PostMultipart_FilePartOverTheSizeLimit_Returns413AndLeavesNothingStaged()
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/intake/requests")
        {
            Content = IntakeHost.Multipart(IntakeHost.ModellingRequest(), ("scan.pdf", new byte[4096], "application/pdf")),
        };
        message.Headers.Add("X-API-Key", IntakeHost.ApiKey);

        var (response, body) = await host.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, body?.ToJsonString());
        body!["errors"]!.AsObject().Select(p => p.Key).Should().Equal("fichiers[0].content");
        var staging = Path.Combine(host.Folder, "storage", "blobs", "request-files", "staging");
        (Directory.Exists(staging) ? Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories) : []).Should().BeEmpty();
    }

    [Fact]
    public async Task Post_MoreFilesThanAllowed_Returns413NamingFichiers()
    {
        var request = IntakeHost.SupportRequest();
        request["fichiers"] = new JsonArray(Enumerable.Range(0, 4)
            .Select(i => (JsonNode?)new JsonObject { ["name"] = $"p{i}.pdf", ["url"] = $"https://files.example.com/p{i}.pdf" }).ToArray());

        var (response, body) = await host.SendAsync(host.Post(request));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        body!["errors"]!["fichiers"]![0]!.ToString().Should().Contain("At most 3");
    }

    [Fact]
    public async Task Post_DisallowedExtension_Returns415NamingTheFile()
    {
        var request = IntakeHost.SupportRequest();
        request["fichiers"] = new JsonArray(new JsonObject { ["name"] = "setup.exe", ["contentBase64"] = "TVo=" });

        var (response, body) = await host.SendAsync(host.Post(request));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        body!["errors"]!["fichiers[0].name"]![0]!.ToString().Should().Contain("exe");
    }

    [Fact]
    public async Task Post_JsonBodyOverItsLimit_Returns413NamingTheBody()
    {
        await using var small = await IntakeHost.StartAsync(new Dictionary<string, string?> { ["RequestHandler:Intake:MaxJsonBodyBytes"] = "2000" });
        var request = IntakeHost.SupportRequest();
        request["description"] = new string('a', 3000);
        var chunked = small.Post(request);
        chunked.Headers.TransferEncodingChunked = true;

        var (viaLength, lengthBody) = await small.SendAsync(small.Post(request));
        var (viaStream, streamBody) = await small.SendAsync(chunked);

        viaLength.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        lengthBody!["errors"]!["body"].Should().NotBeNull();
        viaStream.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        streamBody!["errors"]!["body"].Should().NotBeNull();
    }

    [Fact]
    public async Task Post_TextPlainBody_Returns415()
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/intake/requests") { Content = new StringContent("hello") };
        message.Headers.Add("X-API-Key", IntakeHost.ApiKey);

        var (response, _) = await host.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyTwice_Returns200WithTheFirstInstance()
    {
        var first = host.Post(IntakeHost.SupportRequest("Premier"));
        first.Headers.Add("Idempotency-Key", "form-123");
        var second = host.Post(IntakeHost.SupportRequest("Autre texte, même clé"));
        second.Headers.Add("Idempotency-Key", "form-123");

        var (r1, b1) = await host.SendAsync(first);
        var (r2, b2) = await host.SendAsync(second);

        r1.StatusCode.Should().Be(HttpStatusCode.Accepted);
        r2.StatusCode.Should().Be(HttpStatusCode.OK);
        b2!["instanceId"]!.ToString().Should().Be(b1!["instanceId"]!.ToString());
    }

    [Fact]
    public async Task Post_SamePayloadTwiceWithoutKey_Returns200WithTheFirstInstance()
    {
        var payload = IntakeHost.ModellingRequest("Double clic");
        var again = (JsonObject)payload.DeepClone();
        again["user_email"] = "  PAUL.MARTIN@example.com ";

        var (r1, b1) = await host.SendAsync(host.Post(payload));
        var (r2, b2) = await host.SendAsync(host.Post(again));
        var (r3, b3) = await host.SendAsync(host.Post(IntakeHost.ModellingRequest("Autre demande")));

        r1.StatusCode.Should().Be(HttpStatusCode.Accepted);
        r2.StatusCode.Should().Be(HttpStatusCode.OK);
        b2!["instanceId"]!.ToString().Should().Be(b1!["instanceId"]!.ToString());
        r3.StatusCode.Should().Be(HttpStatusCode.Accepted);
        b3!["instanceId"]!.ToString().Should().NotBe(b1["instanceId"]!.ToString());
    }

    [Fact]
    public async Task Post_ValidSignatureWithinTheWindow_Returns202()
    {
        var (response, _) = await host.SendAsync(Signed(IntakeHost.SupportRequest("Signée"), DateTimeOffset.UtcNow, "signing-secret"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Post_SignatureTimestampSixMinutesOld_Returns401()
    {
        var (response, body) = await host.SendAsync(Signed(IntakeHost.SupportRequest(), DateTimeOffset.UtcNow.AddMinutes(-6), "signing-secret"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        body!["detail"]!.ToString().Should().Contain("window");
    }

    [Fact]
    public async Task Post_SignatureWithTheWrongSecret_Returns401()
    {
        var (response, body) = await host.SendAsync(Signed(IntakeHost.SupportRequest(), DateTimeOffset.UtcNow, "not-the-secret"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        body!["detail"]!.ToString().Should().Contain("does not match");
    }

    [Fact]
    public async Task PostMultipart_SignedOverTheRawBody_IsVerifiedWhileStreamingAndAccepted()
    {
        var content = IntakeHost.Multipart(IntakeHost.ModellingRequest("Multipart signée"), ("plan.pdf", "%PDF-1.4 signé"u8.ToArray(), "application/pdf"));
        var raw = await content.ReadAsByteArrayAsync();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/requests") { Content = new ByteArrayContent(raw) };
        request.Content.Headers.ContentType = content.Headers.ContentType;
        request.Headers.Add("X-API-Key", IntakeHost.ApiKey);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature", Signature("signing-secret", timestamp, "/api/intake/requests", null, raw));

        var (response, body) = await host.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, body?.ToJsonString());
    }

    [Fact]
    public async Task Post_SignatureRequiredButAbsent_Returns401()
    {
        await using var strict = await IntakeHost.StartAsync(new Dictionary<string, string?>
        {
            ["RequestHandler:Intake:SignatureSecrets:0"] = "signing-secret",
            ["RequestHandler:Intake:RequireSignature"] = "true",
        });

        var (response, _) = await strict.SendAsync(strict.Post(IntakeHost.SupportRequest()));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_SignedRequestResentWithANewIdempotencyKey_Returns401AndStartsNoSecondInstance()
    {
        var at = DateTimeOffset.UtcNow;
        var first = Signed(IntakeHost.SupportRequest("Clé rejouée"), at, "signing-secret", idempotencyKey: "form-1");
        var resent = Signed(IntakeHost.SupportRequest("Clé rejouée"), at, "signing-secret", idempotencyKey: "form-1");
        resent.Headers.Remove("Idempotency-Key");
        resent.Headers.Add("Idempotency-Key", "form-2");

        var (r1, _) = await host.SendAsync(first);
        var (r2, b2) = await host.SendAsync(resent);

        r1.StatusCode.Should().Be(HttpStatusCode.Accepted);
        r2.StatusCode.Should().Be(HttpStatusCode.Unauthorized, b2?.ToJsonString());
        r2.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        b2!["detail"]!.ToString().Should().Contain("does not match");
    }

    [Fact]
    public async Task Post_SignedRequestResentWithDryRunAdded_Returns401Problem()
    {
        var at = DateTimeOffset.UtcNow;
        var (r1, _) = await host.SendAsync(Signed(IntakeHost.SupportRequest("Essai rejoué"), at, "signing-secret"));
        var resent = Signed(IntakeHost.SupportRequest("Essai rejoué"), at, "signing-secret");
        resent.RequestUri = new Uri("/api/intake/requests?dryRun=true", UriKind.Relative);

        var (r2, b2) = await host.SendAsync(resent);

        r1.StatusCode.Should().Be(HttpStatusCode.Accepted);
        r2.StatusCode.Should().Be(HttpStatusCode.Unauthorized, b2?.ToJsonString());
        r2.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Post_SignedRequestResentByteForByte_Returns200WithTheFirstInstance_EvenAfterTheIdempotencyWindow()
    {
        // A 1 ms idempotency window: only the replay guard can still recognise the resend.
        await using var shortWindow = await IntakeHost.StartAsync(new Dictionary<string, string?>
        {
            ["RequestHandler:Intake:SignatureSecrets:0"] = "signing-secret",
            ["RequestHandler:Intake:IdempotencyWindow"] = "00:00:00.001",
        });
        var at = DateTimeOffset.UtcNow;

        var (r1, b1) = await shortWindow.SendAsync(Signed(IntakeHost.SupportRequest("Rejeu exact"), at, "signing-secret", idempotencyKey: "form-9"));
        await Task.Delay(50);
        var (r2, b2) = await shortWindow.SendAsync(Signed(IntakeHost.SupportRequest("Rejeu exact"), at, "signing-secret", idempotencyKey: "form-9"));

        r1.StatusCode.Should().Be(HttpStatusCode.Accepted);
        r2.StatusCode.Should().Be(HttpStatusCode.OK, b2?.ToJsonString());
        b2!["instanceId"]!.ToString().Should().Be(b1!["instanceId"]!.ToString());
        b2["statusUrl"]!.ToString().Should().Be(b1["statusUrl"]!.ToString());
    }

    private static HttpRequestMessage Signed(JsonNode body, DateTimeOffset at, string secret, string? idempotencyKey = null, string query = "")
    {
        var json = body.ToJsonString();
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/requests" + query)
        {
            Content = new StringContent(json, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-API-Key", IntakeHost.ApiKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature", Signature(secret, timestamp, "/api/intake/requests" + query, idempotencyKey, Encoding.UTF8.GetBytes(json)));
        return request;
    }

    /// <summary>The canonical string of docs/host.md: timestamp, method, path and query, Idempotency-Key, each
    /// followed by a line feed, then the raw body.</summary>
    private static string Signature(string secret, string timestamp, string pathAndQuery, string? idempotencyKey, byte[] body)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{timestamp}\nPOST\n{pathAndQuery}\n{idempotencyKey}\n"), .. body];
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
