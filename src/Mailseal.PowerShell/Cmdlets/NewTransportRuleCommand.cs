using System.Management.Automation;
using Mailseal.Core.Rules;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>New-TransportRule: a mail-flow rule; without -Priority it goes last.</summary>
[Cmdlet(VerbsCommon.New, "TransportRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TransportRule))]
public sealed class NewTransportRuleCommand : TransportRuleChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ShouldProcess(Name, "New transport rule"))
        {
            CallAndWrite<TransportRule>(AdminRoutes.TransportRulesNew, Change(Name), Name);
        }
    }
}
