using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailseal.PowerShell.Client;

/// <summary>
/// The admin API over HTTP: a POST per operation with the request record as JSON (web defaults, enums as
/// strings), the result record back, problems turned into <see cref="AdminApiException"/>. The API key goes
/// only to the one base address, and only over HTTPS unless that address is loopback.
/// </summary>
public sealed class AdminApiClient : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly HttpClient _http;

    public AdminApiClient(Uri baseAddress, string apiKey, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttps && !(baseAddress.Scheme == Uri.UriSchemeHttp && baseAddress.IsLoopback)))
        {
            throw new ArgumentException("Uri must be https://…, or http:// on a loopback address, so that the API key never crosses a network in clear.", nameof(baseAddress));
        }

        BaseAddress = baseAddress;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }, disposeHandler: true)
        {
            BaseAddress = new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + baseAddress.AbsolutePath.TrimEnd('/') + "/admin/v1/"),
            Timeout = TimeSpan.FromSeconds(100),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public Uri BaseAddress { get; }

    /// <summary>Calls an operation that answers with a result record.</summary>
    public async Task<TResult> PostAsync<TResult>(string route, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(route, body, cancellationToken);
        return await response.Content.ReadFromJsonAsync<TResult>(Json, cancellationToken)
            ?? throw new InvalidDataException($"The admin API answered {route} without a result.");
    }

    /// <summary>Calls an operation that answers 204 (or a result the caller does not need).</summary>
    public async Task PostAsync(string route, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(route, body, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(string route, object? body, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(body ?? new { }, body?.GetType() ?? typeof(object), options: Json);
        var response = await _http.PostAsync(route, content, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ProblemAsync(response, cancellationToken);
        }
    }

    private static async Task<Exception> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        AdminApiProblem? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync<AdminApiProblem>(Json, cancellationToken);
            }
            catch (JsonException)
            {
                // An unreadable problem body falls back to the status code below.
            }
        }

        var kind = problem?.Kind ?? response.StatusCode switch
        {
            HttpStatusCode.BadRequest => "validation",
            HttpStatusCode.NotFound => "not-found",
            HttpStatusCode.Conflict => "conflict",
            HttpStatusCode.Unauthorized => "unauthorized",
            HttpStatusCode.Forbidden => "forbidden",
            _ => "server",
        };
        var message = problem is { Field: { } field, Limit: { } limit } ? $"{field}: {limit}"
            : problem?.Detail ?? problem?.Title ?? $"The admin API answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        return new AdminApiException(response.StatusCode, kind, message, problem?.Field, problem?.Limit);
    }
}
