using System.Management.Automation;
using Mailseal.Core.Organization;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Get-AcceptedDomain: the organisation's domains; with -Identity only that one.</summary>
[Cmdlet(VerbsCommon.Get, "AcceptedDomain")]
[OutputType(typeof(AcceptedDomain))]
public sealed class GetAcceptedDomainCommand : MailsealCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }

    protected override void ProcessRecord()
    {
        var all = Call<IReadOnlyList<AcceptedDomain>>(AdminRoutes.AcceptedDomainsList, null, "AcceptedDomain");
        if (Identity is null)
        {
            WriteObject(all, enumerateCollection: true);
            return;
        }

        var wanted = Identity.Trim().TrimEnd('.');
        if (all.FirstOrDefault(d => string.Equals(d.DomainName, wanted, StringComparison.OrdinalIgnoreCase)) is { } found)
        {
            WriteObject(found);
        }
        else
        {
            WriteError(new ErrorRecord(new ItemNotFoundException($"There is no accepted domain \"{Identity}\"."),
                "NotFound", ErrorCategory.ObjectNotFound, Identity));
        }
    }
}
