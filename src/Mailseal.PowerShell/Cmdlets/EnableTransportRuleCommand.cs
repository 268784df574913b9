using System.Management.Automation;
using Mailseal.Core.Rules;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Enable-TransportRule: the rule applies again.</summary>
[Cmdlet(VerbsLifecycle.Enable, "TransportRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(TransportRule))]
public sealed class EnableTransportRuleCommand : TransportRuleStateCmdlet
{
    protected override string Route => AdminRoutes.TransportRulesEnable;

    protected override string Action => "Enable transport rule";
}
