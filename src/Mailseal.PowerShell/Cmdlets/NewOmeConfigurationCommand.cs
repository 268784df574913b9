using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>New-OMEConfiguration: a new branding template; texts and logo not given use the defaults.</summary>
[Cmdlet(VerbsCommon.New, "OMEConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(OmeConfigurationResult))]
public sealed class NewOmeConfigurationCommand : MailsealCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Identity { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull, AllowEmptyString]
    public string? EmailText { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull, AllowEmptyString]
    public string? DisclaimerText { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull, AllowEmptyString]
    public string? PortalText { get; set; }

    /// <summary>A png, jpg, bmp or tiff logo, e.g. (Get-Content logo.png -AsByteStream).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull, AllowEmptyCollection]
    public byte[]? Image { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(Identity, "New OME configuration"))
        {
            return;
        }

        var request = new NewOmeConfigurationRequest
        {
            Identity = Identity,
            EmailText = EmailText,
            DisclaimerText = DisclaimerText,
            PortalText = PortalText,
            Image = Image,
        };
        CallAndWrite<OmeConfigurationResult>(AdminRoutes.OmeConfigurationsNew, request, Identity);
    }
}
