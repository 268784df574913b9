using Mailseal.Portal.Arrival;
using Mailseal.Portal.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Pages;

/// <summary>
/// POST /envelope: message.html's form, from a file:// page (Origin: null). The one cross-site POST the portal
/// accepts, so it has no antiforgery token: it only verifies the license and starts a pre-session.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class EnvelopeModel(ArrivalService arrival, PortalSignIn signIn, IOptions<PortalOptions> options) : ArrivalPageModel
{
    public IActionResult OnGet() => RedirectToPage("/Open");

    public async Task<IActionResult> OnPostAsync()
    {
        // No handler parameters: binding any would make MVC read (buffer) the whole form first.
        var cancellationToken = HttpContext.RequestAborted;
        if (!await arrival.AdmitAsync(HttpContext.Connection.RemoteIpAddress, cancellationToken))
        {
            return Refuse(ArrivalOutcome.RateLimited);
        }

        ArrivalResult result;
        try
        {
            result = await FormEnvelopeReader.ReadAsync(
                Request, options.Value.MaxArrivalBytes, envelope => arrival.ReceiveAsync(envelope, cancellationToken), cancellationToken)
                ?? ArrivalResult.Refused(ArrivalOutcome.Invalid);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            result = ArrivalResult.Refused(ArrivalOutcome.TooLarge);
        }
        catch (InvalidDataException)
        {
            // A malformed multipart body.
            result = ArrivalResult.Refused(ArrivalOutcome.Invalid);
        }

        return ArrivalPages.Complete(this, signIn, result, Refuse);
    }
}
