using System.Management.Automation;
using Mailseal.Core.Rules;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Disable-TransportRule: the rule stays, and no longer applies.</summary>
[Cmdlet(VerbsLifecycle.Disable, "TransportRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TransportRule))]
public sealed class DisableTransportRuleCommand : TransportRuleStateCmdlet
{
    protected override string Route => AdminRoutes.TransportRulesDisable;

    protected override string Action => "Disable transport rule";
}
