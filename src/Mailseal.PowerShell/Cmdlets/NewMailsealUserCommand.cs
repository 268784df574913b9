using System.Management.Automation;
using Mailseal.Core.Organization;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>New-MailsealUser: a user whose wrapper mail uses their language, and who may (or may not) send encrypted mail.</summary>
[Cmdlet(VerbsCommon.New, "MailsealUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(OrganizationUser))]
public sealed class NewMailsealUserCommand : MailsealCmdlet
{
    /// <summary>The user's address.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Address", "PrimarySmtpAddress")]
    public string Identity { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DisplayName { get; set; }

    /// <summary>A language tag such as de-DE; none for the default language.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Language { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public bool MaySendEncrypted { get; set; } = true;

    protected override void ProcessRecord()
    {
        if (ShouldProcess(Identity, "New Mailseal user"))
        {
            var user = new OrganizationUser { Address = Identity, DisplayName = DisplayName, Language = Language, MaySendEncrypted = MaySendEncrypted };
            CallAndWrite<OrganizationUser>(AdminRoutes.UsersNew, user, Identity);
        }
    }
}
