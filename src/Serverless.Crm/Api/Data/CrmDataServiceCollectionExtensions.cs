using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Crm.Changes;

namespace Serverless.Crm.Api.Data;

public static class CrmDataServiceCollectionExtensions
{
    /// <summary>The built-in CRM's REST CRUD handlers (both hosts) and the <see cref="CrmChanges"/> they write
    /// organisations and deals through. The host registers the <see cref="ICrmEventSink"/> that hears the changes.</summary>
    public static IServiceCollection AddCrmDataApi(this IServiceCollection services)
    {
        services.TryAddSingleton<CrmChanges>();
        services.TryAddSingleton<CrmDataHandlers>();
        return services;
    }
}
