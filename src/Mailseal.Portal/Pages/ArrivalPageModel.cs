using Mailseal.Portal.Arrival;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mailseal.Portal.Pages;

/// <summary>A page that takes an arrival (the form post or the upload): on refusal it shows the outcome's plain page.</summary>
public abstract class ArrivalPageModel : PortalPageModel
{
    public ArrivalOutcome? Outcome { get; private set; }

    protected PageResult Refuse(ArrivalOutcome outcome)
    {
        Outcome = outcome;
        Response.StatusCode = ArrivalPages.StatusOf(outcome);
        return Page();
    }
}
