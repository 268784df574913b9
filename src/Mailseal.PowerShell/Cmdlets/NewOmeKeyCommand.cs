using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.Core.Keys;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>
/// New-OMEKey: the first tenant keys, or a rotation. The keys replaced stop sealing and keep unsealing, so mail
/// already sent stays readable.
/// </summary>
[Cmdlet(VerbsCommon.New, "OMEKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(TenantKeyInfo))]
public sealed class NewOmeKeyCommand : MailsealCmdlet
{
    /// <summary>The purposes to rotate; all three when not given.</summary>
    [Parameter]
    public KeyPurpose[] Purpose { get; set; } = [];

    [Parameter]
    public CryptoMode CryptoMode { get; set; } = CryptoMode.Mode2;

    /// <summary>RSA modulus size; the mode's default when not given.</summary>
    [Parameter]
    public int? KeySize { get; set; }

    /// <summary>The organisation's name, used when these are the first keys.</summary>
    [Parameter]
    public string OrganizationName { get; set; } = "Mailseal";

    protected override void EndProcessing()
    {
        var what = Purpose.Length == 0 ? "all purposes" : string.Join(", ", Purpose);
        if (ShouldProcess(what, "New tenant keys (rotation)"))
        {
            var request = new NewTenantKeysRequest { Purposes = Purpose, Mode = CryptoMode, KeySizeBits = KeySize, OrganizationName = OrganizationName };
            CallAndWrite<IReadOnlyList<TenantKeyInfo>>(AdminRoutes.TenantKeysNew, request, what, enumerate: true);
        }
    }
}
