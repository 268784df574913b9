using System.Management.Automation;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Remove-AcceptedDomain: its addresses count as outside the organisation from then on.</summary>
[Cmdlet(VerbsCommon.Remove, "AcceptedDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveAcceptedDomainCommand : MailsealCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Identity { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ShouldProcess(Identity, "Remove accepted domain"))
        {
            Call(AdminRoutes.AcceptedDomainsRemove, new { domainName = Identity }, Identity);
        }
    }
}
