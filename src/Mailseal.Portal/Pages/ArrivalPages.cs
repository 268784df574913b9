using Mailseal.Portal.Arrival;
using Mailseal.Portal.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mailseal.Portal.Pages;

/// <summary>What both arrivals (POST /envelope and the upload of /open) answer.</summary>
internal static class ArrivalPages
{
    public static int StatusOf(ArrivalOutcome outcome) => outcome switch
    {
        ArrivalOutcome.Expired => StatusCodes.Status410Gone,
        ArrivalOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ArrivalOutcome.RateLimited => StatusCodes.Status429TooManyRequests,
        ArrivalOutcome.Busy => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>On arrival: the pre-session cookie and a 303 to the sign-in choice (a reload then does not post again).</summary>
    public static IActionResult Complete(PageModel page, PortalSignIn signIn, ArrivalResult result, Func<ArrivalOutcome, PageResult> refuse)
    {
        if (result.Outcome != ArrivalOutcome.Arrived)
        {
            return refuse(result.Outcome);
        }

        signIn.StartPreSession(page.HttpContext, result.Token!);
        return new SeeOtherResult(page.Url.Page("/SignIn")!);
    }
}
