using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Get-OMEKey: the tenant keys and their state (active, unseal-only, retired); never a private key.</summary>
[Cmdlet(VerbsCommon.Get, "OMEKey")]
[OutputType(typeof(TenantKeyInfo))]
public sealed class GetOmeKeyCommand : MailsealCmdlet
{
    /// <summary>A key id.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }

    protected override void ProcessRecord()
    {
        var all = Call<IReadOnlyList<TenantKeyInfo>>(AdminRoutes.TenantKeysList, null, "OMEKey");
        if (Identity is null)
        {
            WriteObject(all, enumerateCollection: true);
        }
        else if (all.FirstOrDefault(k => k.Id == Identity) is { } key)
        {
            WriteObject(key);
        }
        else
        {
            WriteError(new ErrorRecord(new ItemNotFoundException($"There is no tenant key \"{Identity}\"."), "NotFound", ErrorCategory.ObjectNotFound, Identity));
        }
    }
}
