using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Set-OMEKey -Retired: the key stops sealing and still unseals.</summary>
[Cmdlet(VerbsCommon.Set, "OMEKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(TenantKeyInfo))]
public sealed class SetOmeKeyCommand : MailsealCmdlet
{
    /// <summary>The key id (see Get-OMEKey).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Identity { get; set; } = null!;

    /// <summary>Retire the key. Retirement cannot be undone.</summary>
    [Parameter(Mandatory = true)]
    public SwitchParameter Retired { get; set; }

    protected override void ProcessRecord()
    {
        if (!Retired)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("Retired: a key can only be retired (-Retired); retirement cannot be undone.", nameof(Retired)),
                "Validation.Retired", ErrorCategory.InvalidArgument, Identity));
        }

        if (ShouldProcess(Identity, "Retire tenant key"))
        {
            CallAndWrite<TenantKeyInfo>(AdminRoutes.TenantKeysRetire, new { keyId = Identity }, Identity);
        }
    }
}
