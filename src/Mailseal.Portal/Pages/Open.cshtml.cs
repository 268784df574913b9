using Mailseal.Portal.Arrival;
using Mailseal.Portal.Sessions;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Wrapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mailseal.Portal.Pages;

/// <summary>
/// GET /open: the same arrival as POST /envelope, from an uploaded message.html (or the whole wrapper mail), for
/// phones whose mail app cannot submit a form from an attachment. A same-origin form with an antiforgery token.
/// </summary>
public sealed class OpenModel(ArrivalService arrival, PortalSignIn signIn) : ArrivalPageModel
{
    public async Task<IActionResult> OnPostAsync(IFormFile? message, CancellationToken cancellationToken)
    {
        if (!await arrival.AdmitAsync(HttpContext.Connection.RemoteIpAddress, cancellationToken))
        {
            return Refuse(ArrivalOutcome.RateLimited);
        }

        if (message is null || message.Length == 0)
        {
            return Refuse(ArrivalOutcome.Invalid);
        }

        ArrivalResult result;
        await using (var upload = message.OpenReadStream())
        {
            try
            {
                await using var envelope = await EnvelopeExtractor.OpenAsync(upload, cancellationToken);
                result = await arrival.ReceiveAsync(envelope, cancellationToken);
            }
            catch (EnvelopeInvalidException)
            {
                result = ArrivalResult.Refused(ArrivalOutcome.Invalid);
            }
        }

        return ArrivalPages.Complete(this, signIn, result, Refuse);
    }
}
