using System.Net.Http.Headers;
using System.Text;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Api;

/// <summary>Issue 11: text that is not valid Unicode (a lone UTF-16 surrogate escape, bytes that are not UTF-8) is
/// refused at the door with a 400 naming the field, on every route that takes a body, instead of a 500 or an
/// instance that later fails as Transient.</summary>
public sealed class InvalidTextTests(EmbeddedHostFactory factory) : IClassFixture<EmbeddedHostFactory>
{
    private static readonly byte[] InvalidUtf8Name = [.. "{\"name\":\"A"u8, 0xFF, 0xFE, .. "\"}"u8];
    private static readonly byte[] LoneSurrogateName = "{\"name\":\"\\ud800\"}"u8.ToArray();

    private readonly HttpClient http = factory.CreateClient();

    public static TheoryData<string, string> ManagementRoutes => new()
    {
        { "start", "/api/workflows/hello/instances" },
        { "raise-event", "/api/instances/no-such-instance/events/greet" },
    };

    [Theory]
    [MemberData(nameof(ManagementRoutes))]
    public async Task ManagementRoute_LoneSurrogate_Is400NamingTheJsonPath(string route, string url)
    {
        using var response = await http.PostAsync(url, Json(LoneSurrogateName));

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().Should().Contain("$.name", route);
    }

    [Theory]
    [MemberData(nameof(ManagementRoutes))]
    public async Task ManagementRoute_InvalidUtf8_Is400NamingTheJsonPath(string route, string url)
    {
        using var response = await http.PostAsync(url, Json(InvalidUtf8Name));

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().Should().Contain("$.name", route);
    }

    [Fact]
    public async Task Intake_JsonWithInvalidUtf8_Is400NamingTheField()
    {
        byte[] body = [.. "{\"source\":\"contact\",\"objet\":\"Connexion\",\"description\":\"Bonjour "u8, 0xC3, 0x28,
            .. "\",\"user_email\":\"marie.durand@example.com\",\"user_name\":\"Marie Durand\"}"u8];

        using var response = await IntakeAsync(Json(body));

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().Should().Contain("description");
    }

    [Fact]
    public async Task Intake_JsonWithLoneSurrogate_Is400NamingTheField()
    {
        var body = """{"source":"contact","objet":"Connexion \ud800","description":"Bonjour","user_email":"marie.durand@example.com","user_name":"Marie Durand"}"""u8.ToArray();

        using var response = await IntakeAsync(Json(body));

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().Should().Contain("objet");
    }

    [Fact]
    public async Task Intake_MultipartFieldWithInvalidUtf8_Is400NamingTheField()
    {
        var description = new ByteArrayContent([.. "Bonjour "u8, 0xFF]);
        var content = new MultipartFormDataContent
        {
            { new StringContent("contact", Encoding.UTF8), "source" },
            { new StringContent("Connexion", Encoding.UTF8), "objet" },
            { description, "description" },
            { new StringContent("marie.durand@example.com", Encoding.UTF8), "user_email" },
            { new StringContent("Marie Durand", Encoding.UTF8), "user_name" },
        };

        using var response = await IntakeAsync(content);

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().Should().Contain("description");
    }

    private async Task<HttpResponseMessage> IntakeAsync(HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/requests") { Content = content };
        request.Headers.Add("X-API-Key", EmbeddedHostFactory.IntakeApiKey);
        return await http.SendAsync(request);
    }

    internal static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
