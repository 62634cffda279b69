using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Api.Security;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Api;

/// <summary>The feature routes Program.cs maps: listings that expose data need the management key; routes that
/// carry their own authentication (signed links, Slack signatures, the intake key) do not.</summary>
public sealed class FeatureRouteProtectionTests
{
    [Theory]
    [InlineData("ListSandboxCalls", true)]
    [InlineData("ListPendingApprovals", true)]
    [InlineData("ListNotifications", true)]
    [InlineData("MarkNotificationRead", true)]
    [InlineData("StreamNotifications", true)]
    [InlineData("ShowApprovalDecision", false)]
    [InlineData("RecordApprovalDecision", false)]
    [InlineData("SlackInteractions", false)]
    [InlineData("SubmitIntakeRequest", false)]
    [InlineData("DownloadIntakeFile", false)]
    public void EmbeddedHost_FeatureRoute_ManagementKeyAsDeclared(string endpointName, bool protectedByKey)
    {
        using var factory = new EmbeddedHostFactory();
        var endpoint = factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == endpointName);

        (endpoint.Metadata.GetMetadata<ManagementEndpointMetadata>() is not null).Should().Be(protectedByKey);
    }
}
