using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Serverless.Connectors.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>The LLM label classifier every classifying system shares; each brings its own settings section.
    /// The SDK's own retry (one) and network timeout apply, so the named client has no timeout of its own.</summary>
    public static IServiceCollection AddLlmLabelClassifier(this IServiceCollection services)
    {
        services.AddHttpClient(LlmChatClientFactory.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<LlmChatClientFactory>();
        services.TryAddSingleton<LlmLabelClassifier>();
        return services;
    }
}
