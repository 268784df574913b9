using System.Management.Automation;
using Mailseal.Core.Rules;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Set-TransportRule: changes the parameters given; -Name renames; a predicate given as "" is removed.</summary>
[Cmdlet(VerbsCommon.Set, "TransportRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TransportRule))]
public sealed class SetTransportRuleCommand : TransportRuleChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Identity { get; set; } = null!;

    /// <summary>A new name for the rule.</summary>
    [Parameter]
    public string? Name { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(Identity, "Set transport rule"))
        {
            return;
        }

        var rule = Call<TransportRule>(AdminRoutes.TransportRulesSet, new { identity = Identity, change = Change(Name) }, Identity);
        if (rule is not null && PassThru)
        {
            WriteObject(rule);
        }
    }
}
