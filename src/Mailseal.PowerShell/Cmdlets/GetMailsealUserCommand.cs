using System.Management.Automation;
using Mailseal.Core.Organization;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Get-MailsealUser: the organisation's users (language, permission to send encrypted mail).</summary>
[Cmdlet(VerbsCommon.Get, "MailsealUser")]
[OutputType(typeof(OrganizationUser))]
public sealed class GetMailsealUserCommand : MailsealCmdlet
{
    /// <summary>The user's address.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }

    protected override void ProcessRecord()
    {
        if (Identity is null)
        {
            CallAndWrite<IReadOnlyList<OrganizationUser>>(AdminRoutes.UsersList, null, "MailsealUser", enumerate: true);
        }
        else
        {
            CallAndWrite<OrganizationUser>(AdminRoutes.UsersGet, new { address = Identity }, Identity);
        }
    }
}
