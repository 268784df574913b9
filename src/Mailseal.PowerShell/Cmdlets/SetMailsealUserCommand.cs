using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.Core.Organization;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Set-MailsealUser: changes the parameters given; -Language "" goes back to the default language.</summary>
[Cmdlet(VerbsCommon.Set, "MailsealUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(OrganizationUser))]
public sealed class SetMailsealUserCommand : MailsealCmdlet
{
    /// <summary>The user's address.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Identity { get; set; } = null!;

    [Parameter]
    [AllowNull, AllowEmptyString]
    public string? DisplayName { get; set; }

    [Parameter]
    [AllowNull, AllowEmptyString]
    public string? Language { get; set; }

    [Parameter]
    public bool? MaySendEncrypted { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(Identity, "Set Mailseal user"))
        {
            return;
        }

        var change = new OrganizationUserChange
        {
            DisplayName = IsBound(nameof(DisplayName)) ? DisplayName ?? "" : null,
            Language = IsBound(nameof(Language)) ? Language ?? "" : null,
            MaySendEncrypted = MaySendEncrypted,
        };
        var user = Call<OrganizationUser>(AdminRoutes.UsersSet, new { address = Identity, change }, Identity);
        if (user is not null && PassThru)
        {
            WriteObject(user);
        }
    }
}
