using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Get-OMEConfiguration: one branding template, or all of them ("OME Configuration" first).</summary>
[Cmdlet(VerbsCommon.Get, "OMEConfiguration")]
[OutputType(typeof(OmeConfigurationResult))]
public sealed class GetOmeConfigurationCommand : MailsealCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }

    protected override void ProcessRecord()
    {
        if (Identity is null)
        {
            CallAndWrite<IReadOnlyList<OmeConfigurationResult>>(AdminRoutes.OmeConfigurationsList, null, "OMEConfiguration", enumerate: true);
        }
        else
        {
            CallAndWrite<OmeConfigurationResult>(AdminRoutes.OmeConfigurationsGet, new { identity = Identity }, Identity);
        }
    }
}
