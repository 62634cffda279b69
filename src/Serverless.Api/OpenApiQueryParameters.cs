using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Serverless.Api;

/// <summary>The handlers read their query strings themselves (so the Functions app can call them), which hides
/// the parameters from the OpenAPI generator; this puts them back into the document.</summary>
internal static class OpenApiQueryParameters
{
    public static RouteHandlerBuilder AddQueryParameters(this RouteHandlerBuilder builder, params (string Name, string Description, string Type)[] parameters) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var (name, description, type) in parameters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Query,
                    Description = description,
                    Required = false,
                    Schema = new OpenApiSchema { Type = type == "integer" ? JsonSchemaType.Integer : type == "boolean" ? JsonSchemaType.Boolean : JsonSchemaType.String },
                });
            }

            return Task.CompletedTask;
        });
}
