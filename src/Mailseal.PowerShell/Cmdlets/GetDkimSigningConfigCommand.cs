using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>Get-DkimSigningConfig: the DKIM keys, each with its DNS TXT record; with -Identity only that domain's.</summary>
[Cmdlet(VerbsCommon.Get, "DkimSigningConfig")]
[OutputType(typeof(DkimKeyInfo))]
public sealed class GetDkimSigningConfigCommand : MailsealCmdlet
{
    /// <summary>A domain name.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DomainName")]
    public string? Identity { get; set; }

    protected override void ProcessRecord()
    {
        var all = Call<IReadOnlyList<DkimKeyInfo>>(AdminRoutes.DkimKeysList, null, "DkimSigningConfig");
        var domain = Identity?.Trim().TrimEnd('.');
        WriteObject(domain is null ? all : all.Where(k => string.Equals(k.Domain, domain, StringComparison.OrdinalIgnoreCase)), enumerateCollection: true);
    }
}
