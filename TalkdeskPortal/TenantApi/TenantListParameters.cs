using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TalkdeskPortal.TenantApi;

/// <summary>
/// The list's query parameters are bound as text (so a bad value gets the API's own problem+json, not the binder's
/// empty 400); this describes them as what they mean.
/// </summary>
public static class TenantListParameters
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.RelativePath != "api/v1/tenants" || operation.Parameters is null) return Task.CompletedTask;
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            switch (parameter.Name)
            {
                case "page":
                    parameter.Description = "The page, from 1.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Default = JsonValue.Create(1) };
                    break;
                case "pageSize":
                    parameter.Description = $"Tenants per page, 1 to {TenantApiEndpoints.MaxPageSize}.";
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer, Minimum = "1", Maximum = TenantApiEndpoints.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Default = JsonValue.Create(50),
                    };
                    break;
                case "status":
                    parameter.Description = "Only tenants with this status.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("active"), JsonValue.Create("uninstalled")] };
                    break;
            }
        }
        return Task.CompletedTask;
    }
}
