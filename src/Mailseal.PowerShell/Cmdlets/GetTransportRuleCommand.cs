using System.Management.Automation;
using Mailseal.Core.Rules;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Get-TransportRule: one rule, or every rule by priority.</summary>
[Cmdlet(VerbsCommon.Get, "TransportRule")]
[OutputType(typeof(TransportRule))]
public sealed class GetTransportRuleCommand : MailsealCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }

    protected override void ProcessRecord()
    {
        if (Identity is null)
        {
            CallAndWrite<IReadOnlyList<TransportRule>>(AdminRoutes.TransportRulesList, null, "TransportRule", enumerate: true);
        }
        else
        {
            CallAndWrite<TransportRule>(AdminRoutes.TransportRulesGet, new { identity = Identity }, Identity);
        }
    }
}
