using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Mailseal.Portal.Arrival;

/// <summary>
/// Finds the "envelope" field of message.html's multipart/form-data post and decodes its base64 as it is read:
/// the body is never buffered whole, whatever its size (up to Portal:MaxArrivalBytes).
/// </summary>
internal static class FormEnvelopeReader
{
    public const string FieldName = "envelope";

    /// <summary>
    /// Hands the decoded field to <paramref name="consume"/>; returns null when the request is not multipart or has
    /// no such field (both an invalid arrival). Base64 errors surface from the stream as <see cref="FormatException"/>.
    /// </summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, long maxBytes, Func<Stream, Task<T>> consume, CancellationToken cancellationToken)
        where T : class
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
        {
            return null;
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxBytes };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFormDisposition()
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FieldName, StringComparison.Ordinal))
            {
                using var transform = new FromBase64Transform(FromBase64TransformMode.IgnoreWhiteSpaces);
                // The buffer also keeps CryptoStream's dispose from flushing the read-only section (which throws)
                // when the reader stopped early, e.g. at the size limit.
                await using var body = new BufferedStream(section.Body, 1 << 16);
                await using var decoded = new CryptoStream(body, transform, CryptoStreamMode.Read, leaveOpen: true);
                return await consume(decoded);
            }
        }

        return null;
    }
}
