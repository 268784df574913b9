using System.Management.Automation;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Remove-MailsealUser.</summary>
[Cmdlet(VerbsCommon.Remove, "MailsealUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveMailsealUserCommand : MailsealCmdlet
{
    /// <summary>The user's address.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Identity { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ShouldProcess(Identity, "Remove Mailseal user"))
        {
            Call(AdminRoutes.UsersRemove, new { address = Identity }, Identity);
        }
    }
}
