using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Intake.Files;
using Serverless.Intake.Tests.Support;
using Serverless.Storage.Blobs;

namespace Serverless.Intake.Tests.Files;

/// <summary>A stored attachment is served typed by its extension with nosniff, whatever type its uploader claimed,
/// so an uploaded page or script cannot run in this host's origin.</summary>
public sealed class StoredFileDownloadTests
{
    [Theory]
    [InlineData("plan.pdf", "text/html", "application/pdf")]
    [InlineData("page.html", "text/html", "application/octet-stream")]
    [InlineData("drawing.svg", "image/svg+xml", "application/octet-stream")]
    [InlineData("photo.jpg", "text/html", "image/jpeg")]
    [InlineData("noextension", "text/html", "application/octet-stream")]
    [InlineData("script.js", "application/pdf", "application/octet-stream")]
    public async Task Download_IsTypedByExtensionWithNosniff_NotByTheClaimedType(string name, string claimed, string served)
    {
        await using var host = await IntakeHost.StartAsync();
        var blobs = host.Services.GetRequiredService<IBlobStore>();
        await using (var content = new MemoryStream(Encoding.UTF8.GetBytes("<script>alert(document.cookie)</script>")))
        {
            await blobs.PutAsync("request-files", $"instances/x/{name}", content, new BlobPutOptions { ContentType = claimed }, CancellationToken.None);
        }

        var link = await host.Services.GetRequiredService<FileLinks>().LinkAsync("request-files", $"instances/x/{name}", CancellationToken.None);
        var response = await host.Client.GetAsync(new Uri(link).PathAndQuery);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(served);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("sandbox");
    }
}
