using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mailseal.Admin.Api;

/// <summary>
/// The admin API's one JSON form: web defaults (camelCase), enums as names. Reading is strict: unknown members,
/// missing required members and nulls where none are allowed are refused rather than guessed at.
/// </summary>
internal static class AdminJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = 32,
    };

    public static async Task<T> ReadAsync<T>(HttpContext context, long maxBytes, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Options, cancellationToken)
                ?? throw new AdminRequestBodyException("The request body is null.");
        }
        catch (JsonException ex)
        {
            throw new AdminRequestBodyException(ex.Message, ex);
        }
    }
}
