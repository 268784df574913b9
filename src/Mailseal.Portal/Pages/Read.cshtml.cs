using Mailseal.Portal.Reading;
using Microsoft.AspNetCore.Http;

namespace Mailseal.Portal.Pages;

/// <summary>GET /read/{envelopeId}: the session's message, decrypted in memory for this request only.</summary>
public sealed class ReadModel(SessionMessageOpener opener) : SessionPageModel
{
    public string? Subject { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var session = await RequireSessionAsync(cancellationToken);
        if (session is null)
        {
            return;
        }

        using var opened = await opener.OpenAsync(session, cancellationToken);
        if (opened is null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return;
        }

        await UseBrandingAsync(opened.License.BrandingTemplate, cancellationToken);
        Subject = opened.Message.Subject ?? string.Empty;
    }
}
