using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>New-DkimSigningConfig: a DKIM key for a domain and selector; shows the DNS TXT record to publish, never the private key.</summary>
[Cmdlet(VerbsCommon.New, "DkimSigningConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DkimKeyInfo))]
public sealed class NewDkimSigningConfigCommand : MailsealCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string DomainName { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string Selector { get; set; } = "selector1";

    /// <summary>RSA modulus size in bits.</summary>
    [Parameter]
    public int KeySize { get; set; } = 2048;

    protected override void ProcessRecord()
    {
        if (ShouldProcess($"{Selector}._domainkey.{DomainName}", "New DKIM signing key"))
        {
            var body = new { domain = DomainName, selector = Selector, keySizeBits = KeySize };
            CallAndWrite<DkimKeyInfo>(AdminRoutes.DkimKeysNew, body, DomainName);
        }
    }
}
