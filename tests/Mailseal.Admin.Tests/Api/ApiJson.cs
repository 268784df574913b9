using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailseal.Admin.Tests.Api;

/// <summary>The JSON a client of the API uses, as docs/admin-api.md gives it: web defaults, enums as names.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(Options) ?? throw new InvalidOperationException("The response body is null.");

    public static async Task<JsonElement> ReadElementAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Options);
}
