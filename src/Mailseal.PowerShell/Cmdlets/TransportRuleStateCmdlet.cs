using System.Management.Automation;
using Mailseal.Core.Rules;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Enable- and Disable-TransportRule: the state of the rule named by -Identity (or piped in).</summary>
public abstract class TransportRuleStateCmdlet : MailsealCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Identity { get; set; } = null!;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected abstract string Route { get; }

    protected abstract string Action { get; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(Identity, Action))
        {
            return;
        }

        var body = new { identity = Identity };
        if (PassThru)
        {
            CallAndWrite<TransportRule>(Route, body, Identity);
        }
        else
        {
            Call(Route, body, Identity);
        }
    }
}
