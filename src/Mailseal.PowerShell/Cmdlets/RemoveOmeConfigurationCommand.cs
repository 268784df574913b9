using System.Management.Automation;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Remove-OMEConfiguration: removes a branding template ("OME Configuration" itself cannot be removed).</summary>
[Cmdlet(VerbsCommon.Remove, "OMEConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveOmeConfigurationCommand : MailsealCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Identity { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ShouldProcess(Identity, "Remove OME configuration"))
        {
            Call(AdminRoutes.OmeConfigurationsRemove, new { identity = Identity }, Identity);
        }
    }
}
