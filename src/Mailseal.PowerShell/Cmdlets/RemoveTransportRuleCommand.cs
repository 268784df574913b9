using System.Management.Automation;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Remove-TransportRule: the rules after it move up by one.</summary>
[Cmdlet(VerbsCommon.Remove, "TransportRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveTransportRuleCommand : MailsealCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Identity { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ShouldProcess(Identity, "Remove transport rule"))
        {
            Call(AdminRoutes.TransportRulesRemove, new { identity = Identity }, Identity);
        }
    }
}
