using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Api.Security;

/// <summary>Marks an endpoint as part of the management API (it requires <c>Api:ApiKeys</c>); tests and tools read
/// it from the endpoint metadata.</summary>
public sealed class ManagementEndpointMetadata
{
    public static readonly ManagementEndpointMetadata Instance = new();

    private ManagementEndpointMetadata()
    {
    }
}

public static class ManagementAuthEndpointExtensions
{
    /// <summary>Every endpoint of the group (or this one endpoint) requires a management API key: see
    /// <see cref="ManagementAuth"/>. Usable on any route builder, e.g.
    /// <c>app.MapGroup("").RequireManagementKey().MapSandboxApi();</c>.</summary>
    public static TBuilder RequireManagementKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEndpointFilter(new ManagementKeyFilter(null));
        builder.WithMetadata(ManagementEndpointMetadata.Instance);
        return builder;
    }

    /// <summary>Only the endpoints of the group whose name (<c>WithName</c>) is listed require a management key;
    /// for route sets that mix management and self-authenticated routes, e.g.
    /// <c>app.MapGroup("").RequireManagementKeyFor("ListPendingApprovals").MapApprovalsApi();</c>.</summary>
    public static RouteGroupBuilder RequireManagementKeyFor(this RouteGroupBuilder group, params string[] endpointNames)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(endpointNames);
        if (endpointNames.Length == 0)
        {
            throw new ArgumentException("Name at least one endpoint; RequireManagementKey() protects the whole group.", nameof(endpointNames));
        }

        var names = new HashSet<string>(endpointNames, StringComparer.Ordinal);
        group.AddEndpointFilter(new ManagementKeyFilter(names));
        // Metadata is added once every endpoint convention (WithName included) has run.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (EndpointName(endpoint.Metadata) is { } name && names.Contains(name))
            {
                endpoint.Metadata.Add(ManagementEndpointMetadata.Instance);
            }
        });
        return group;
    }

    private static string? EndpointName(IEnumerable<object> metadata) =>
        metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;

    /// <summary>With <c>names</c> null the filter always applies; otherwise only to the endpoints so named.</summary>
    private sealed class ManagementKeyFilter(HashSet<string>? names) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            if (names is not null
                && (EndpointName(http.GetEndpoint()?.Metadata ?? EndpointMetadataCollection.Empty) is not { } name || !names.Contains(name)))
            {
                return await next(context);
            }

            var refusal = await http.RequestServices.GetRequiredService<ManagementAuth>().AuthorizeAsync(http);
            return refusal ?? await next(context);
        }
    }
}
