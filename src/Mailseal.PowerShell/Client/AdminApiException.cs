using System.Net;

namespace Mailseal.PowerShell.Client;

/// <summary>
/// A refusal of the admin API (an RFC 7807 problem): <see cref="Kind"/> is validation, not-found, conflict,
/// unauthorized or forbidden; validation problems name the <see cref="Field"/> and its <see cref="Limit"/>.
/// </summary>
public sealed class AdminApiException : Exception
{
    public AdminApiException(HttpStatusCode status, string kind, string message, string? field, string? limit)
        : base(message)
    {
        Status = status;
        Kind = kind;
        Field = field;
        Limit = limit;
    }

    public HttpStatusCode Status { get; }

    public string Kind { get; }

    public string? Field { get; }

    public string? Limit { get; }
}
