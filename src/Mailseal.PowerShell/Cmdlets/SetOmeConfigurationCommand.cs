using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.PowerShell.Client;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>
/// Set-OMEConfiguration with Exchange's rules: a parameter not given is unchanged; <c>-EmailText ""</c> (or $null)
/// reverts a text to the default; <c>-Image $null</c> reverts to the default logo.
/// </summary>
[Cmdlet(VerbsCommon.Set, "OMEConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(OmeConfigurationResult))]
public sealed class SetOmeConfigurationCommand : MailsealCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Identity { get; set; } = null!;

    [Parameter]
    [AllowNull, AllowEmptyString]
    public string? EmailText { get; set; }

    [Parameter]
    [AllowNull, AllowEmptyString]
    public string? DisclaimerText { get; set; }

    [Parameter]
    [AllowNull, AllowEmptyString]
    public string? PortalText { get; set; }

    /// <summary>A png, jpg, bmp or tiff logo, e.g. (Get-Content logo.png -AsByteStream); $null for the default logo.</summary>
    [Parameter]
    [AllowNull, AllowEmptyCollection]
    public byte[]? Image { get; set; }

    /// <summary>Writes the configuration as it is after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(Identity, "Set OME configuration"))
        {
            return;
        }

        var request = new SetOmeConfigurationRequest
        {
            EmailText = Text(nameof(EmailText), EmailText),
            DisclaimerText = Text(nameof(DisclaimerText), DisclaimerText),
            PortalText = Text(nameof(PortalText), PortalText),
            ImageSpecified = IsBound(nameof(Image)),
            Image = Image,
        };
        var result = Call<OmeConfigurationResult>(AdminRoutes.OmeConfigurationsSet, new { identity = Identity, request }, Identity);
        if (result is not null && PassThru)
        {
            WriteObject(result);
        }
    }

    /// <summary>Not given: unchanged (null). Given as "" or $null: back to the default ("").</summary>
    private string? Text(string parameter, string? value) => IsBound(parameter) ? value ?? "" : null;
}
