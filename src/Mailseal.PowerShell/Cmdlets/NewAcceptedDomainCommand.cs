using System.Management.Automation;
using Mailseal.Core.Organization;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>New-AcceptedDomain: a domain of the organisation (its addresses are InOrganization for the rules).</summary>
[Cmdlet(VerbsCommon.New, "AcceptedDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AcceptedDomain))]
public sealed class NewAcceptedDomainCommand : MailsealCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    public string DomainName { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Type")]
    public AcceptedDomainType DomainType { get; set; } = AcceptedDomainType.Authoritative;

    protected override void ProcessRecord()
    {
        if (ShouldProcess(DomainName, "New accepted domain"))
        {
            CallAndWrite<AcceptedDomain>(AdminRoutes.AcceptedDomainsNew, new AcceptedDomain { DomainName = DomainName, Type = DomainType }, DomainName);
        }
    }
}
