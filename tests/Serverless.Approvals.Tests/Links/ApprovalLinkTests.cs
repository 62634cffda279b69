using System.Net;
using Serverless.Approvals.Decisions;
using Serverless.Approvals.Tests.Support;
using Serverless.Engine.Interpreter;

namespace Serverless.Approvals.Tests.Links;

public sealed class ApprovalLinkTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder folder = new();
    private ApprovalHost host = null!;

    public async Task InitializeAsync() => host = await ApprovalHost.StartAsync(folder.Path, GateWorkflows.Workflow());

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Post_ApproveLinkFromEmail_RecordsDecisionAndInstanceContinues()
    {
        var id = await host.StartGateAsync();
        var email = (await host.EmailsAsync(id, 1)).Single();
        email.Request["to"]![0]!.GetValue<string>().Should().Be("ed@example.com");
        var approve = ApprovalHost.Tokens(email)[0];

        var page = await host.Http.GetAsync($"/api/approvals/{approve}");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("Publier « Lancement BIM 2026 »").And.Contain("linkedin").And.Contain("Approuver")
            .And.Contain("&lt;BIM&gt; &amp; plus", "the item preview is HTML-encoded").And.Contain("<textarea");
        page.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");

        var posted = await host.PostDecisionAsync(approve, "Parfait, go.");
        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).Should().Contain("Décision enregistrée");

        var view = await host.WaitForEndAsync(id);
        view.Status.Should().Be(InstanceStatus.Completed);
        var published = host.Published.Single()!;
        published["decision"]!.GetValue<string>().Should().Be("approved");
        published["by"]!.GetValue<string>().Should().Be("ed@example.com");
        published["comment"]!.GetValue<string>().Should().Be("Parfait, go.");
    }

    [Fact]
    public async Task Post_SameTokenTwice_SecondIs409WithTheDecisionTaken()
    {
        var id = await host.StartGateAsync();
        var reject = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0])[1];
        (await host.PostDecisionAsync(reject, "Non")).StatusCode.Should().Be(HttpStatusCode.OK);

        var again = await host.PostDecisionAsync(reject);
        var approveAfter = await host.PostDecisionAsync(ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0])[0]);

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).Should().Contain("déjà été traitée").And.Contain("Rejeté par ed@example.com").And.Contain("Non");
        approveAfter.StatusCode.Should().Be(HttpStatusCode.Conflict, "any other link of the gate is dead once it is decided");
        (await host.WaitForEndAsync(id)).Status.Should().Be(InstanceStatus.Completed);
        host.Published.Single()!["decision"]!.GetValue<string>().Should().Be("rejected");
    }

    [Fact]
    public async Task Get_AnyNumberOfTimes_ChangesNothing()
    {
        var id = await host.StartGateAsync();
        var tokens = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0]);
        tokens.Should().HaveCount(3);

        foreach (var token in tokens.Concat(tokens))
        {
            (await host.Http.GetAsync($"/api/approvals/{token}")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await Task.Delay(300);
        var view = await host.Workflows.GetAsync(id);
        view!.Status.Should().Be(InstanceStatus.Waiting);
        view.Timeline.Single(r => r.Key == GateWorkflows.GateId).Status.Should().Be(StepStatus.Waiting);
        (await host.Get<GateDecisionStore>().ReadAsync(id, GateWorkflows.GateId, default)).Should().BeNull();
        (await host.PostDecisionAsync(tokens[2], "Changer le visuel")).StatusCode.Should().Be(HttpStatusCode.OK, "the links still work after any number of GETs");
        await host.WaitForEndAsync(id);
        host.Published.Single()!["decision"]!.GetValue<string>().Should().Be("changes_requested");
    }

    [Fact]
    public async Task Post_TwoConcurrentClicks_OneWinsTheOtherSeesTheOutcome()
    {
        var id = await host.StartGateAsync();
        var tokens = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0]);

        var responses = await Task.WhenAll(host.PostDecisionAsync(tokens[0]), host.PostDecisionAsync(tokens[1]));

        responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var winner = responses[0].StatusCode == HttpStatusCode.OK ? "approved" : "rejected";
        var loserPage = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
        loserPage.Should().Contain(winner == "approved" ? "Approuvé" : "Rejeté");
        await host.WaitForEndAsync(id);
        host.Published.Should().ContainSingle().Which!["decision"]!.GetValue<string>().Should().Be(winner);
    }

    [Fact]
    public async Task Post_FormWithoutTheToken_IsRefusedAsForgery()
    {
        var id = await host.StartGateAsync();
        var approve = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0])[0];

        var forged = await host.PostDecisionAsync(approve, formToken: "");
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/{approve}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = approve }),
        };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        crossSite.Headers.Add("Origin", "https://evil.example.net");
        var fromOtherSite = await host.Http.SendAsync(crossSite);

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        fromOtherSite.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await host.Get<GateDecisionStore>().ReadAsync(id, GateWorkflows.GateId, default)).Should().BeNull();
    }

    [Fact]
    public async Task Post_AsChromiumSendsTheForm_SameOriginWithOriginNull_Decides()
    {
        // The page's Referrer-Policy: no-referrer makes Chromium send "Origin: null" with its own same-origin POST;
        // Sec-Fetch-Site says where the request really comes from (found by the console's end-to-end test).
        var id = await host.StartGateAsync();
        var approve = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0])[0];
        using var fromThePage = new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/{approve}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = approve }),
        };
        fromThePage.Headers.Add("Sec-Fetch-Site", "same-origin");
        fromThePage.Headers.Add("Origin", "null");
        using var sameSiteNull = new HttpRequestMessage(HttpMethod.Post, $"/api/approvals/{approve}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = approve }),
        };
        sameSiteNull.Headers.Add("Sec-Fetch-Site", "same-site");
        sameSiteNull.Headers.Add("Origin", "null");

        var refused = await host.Http.SendAsync(sameSiteNull);
        var posted = await host.Http.SendAsync(fromThePage);

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a sibling site proves nothing and its Origin is null");
        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.WaitForEndAsync(id)).Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Post_CommentNotUtf8_Is400NamingTheFieldAndDecidesNothing()
    {
        var id = await host.StartGateAsync();
        var approve = ApprovalHost.Tokens((await host.EmailsAsync(id, 1))[0])[0];
        using var content = new StringContent($"token={Uri.EscapeDataString(approve)}&comment=Parfait%FF%FE", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await host.Http.PostAsync($"/api/approvals/{approve}", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"comment\"");
        (await host.Get<GateDecisionStore>().ReadAsync(id, GateWorkflows.GateId, default)).Should().BeNull();
    }
}
