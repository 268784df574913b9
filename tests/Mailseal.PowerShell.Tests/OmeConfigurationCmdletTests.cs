using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.Testing.Images;

namespace Mailseal.PowerShell.Tests;

/// <summary>Get/New/Set/Remove-OMEConfiguration against the real admin API, with Exchange's revert rules and limits.</summary>
[Collection(AdminApiTests.Name)]
public sealed class OmeConfigurationCmdletTests : IDisposable
{
    private readonly AdminApiServer _server;
    private readonly PowerShellSession _session = new();

    public OmeConfigurationCmdletTests(AdminApiServer server)
    {
        _server = server;
        _session.Connect(server);
    }

    [Fact]
    public void SetOmeConfiguration_TextsAndLogo_ThenEmptyTextAndNullImage_RevertToDefaults()
    {
        var identity = NewIdentity();
        // Written to a file, where PowerShell's Get-Content -AsByteStream reads it.
        var logo = Path.Combine(_server.Files, identity + ".png");
        File.WriteAllBytes(logo, TestImages.Png(200, 80));
        _session.Run("New-OMEConfiguration -Identity $id | Out-Null", ("id", identity));
        _session.Run("""
            Set-OMEConfiguration -Identity $id -EmailText 'Contoso intro' -DisclaimerText 'Contoso disclaimer' -PortalText 'Contoso' -Image (Get-Content $logo -AsByteStream)
            """, ("id", identity), ("logo", logo));
        var set = Get(identity);
        Assert.Equal(("Contoso intro", "Contoso disclaimer", "Contoso"), (set.EmailText, set.DisclaimerText, set.PortalText));
        Assert.NotNull(set.Image);

        _session.Run("Set-OMEConfiguration -Identity $id -EmailText ''", ("id", identity));
        var textReverted = Get(identity);
        Assert.Null(textReverted.EmailText);
        Assert.Equal("Contoso disclaimer", textReverted.DisclaimerText);
        Assert.NotNull(textReverted.Image);

        _session.Run("Set-OMEConfiguration -Identity $id -Image $null", ("id", identity));
        var imageReverted = Get(identity);
        Assert.Null(imageReverted.Image);
        Assert.Equal("Contoso", imageReverted.PortalText);
    }

    [Fact]
    public void SetOmeConfiguration_PipedFromGet_ChangesThatTemplate()
    {
        var identity = NewIdentity();
        _session.Run("New-OMEConfiguration -Identity $id | Out-Null; Get-OMEConfiguration -Identity $id | Set-OMEConfiguration -PortalText 'Piped'", ("id", identity));
        Assert.Equal("Piped", Get(identity).PortalText);
    }

    [Theory]
    [InlineData("EmailText", 1025, "1024")]
    [InlineData("DisclaimerText", 1025, "1024")]
    [InlineData("PortalText", 129, "128")]
    public void SetOmeConfiguration_OverLongText_TerminatesNamingFieldAndLimit(string field, int length, string limit)
    {
        var identity = NewIdentity();
        _session.Run("New-OMEConfiguration -Identity $id -PortalText 'Before' | Out-Null", ("id", identity));
        var error = _session.Terminates($"Set-OMEConfiguration -Identity $id -{field} ('x' * {length}); 'went on'", ("id", identity));
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(field, error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains(limit, error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("Before", Get(identity).PortalText);
    }

    [Fact]
    public void SetOmeConfiguration_ImageThatIsNotAPicture_TerminatesNamingImage()
    {
        var identity = NewIdentity();
        var notAnImage = Path.Combine(_server.Files, identity + ".png");
        File.WriteAllText(notAnImage, "<svg xmlns='http://www.w3.org/2000/svg'/>");
        _session.Run("New-OMEConfiguration -Identity $id | Out-Null", ("id", identity));
        var error = _session.Terminates("Set-OMEConfiguration -Identity $id -Image (Get-Content $file -AsByteStream)", ("id", identity), ("file", notAnImage));
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.StartsWith("Validation.Image", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Null(Get(identity).Image);
    }

    [Fact]
    public void SetOmeConfiguration_WhatIf_ChangesNothing()
    {
        var identity = NewIdentity();
        _session.Run("New-OMEConfiguration -Identity $id -EmailText 'Kept' | Out-Null; Set-OMEConfiguration -Identity $id -EmailText 'Changed' -WhatIf", ("id", identity));
        _session.Run("Remove-OMEConfiguration -Identity $id -WhatIf", ("id", identity));
        Assert.Equal("Kept", Get(identity).EmailText);
    }

    [Fact]
    public void NewAndRemoveOmeConfiguration_Lifecycle_ConflictAndNotFoundAreObjectErrors()
    {
        var identity = NewIdentity();
        var created = _session.Run("New-OMEConfiguration -Identity $id -EmailText 'From legal'", ("id", identity)).Single().BaseObject;
        Assert.Equal("From legal", Assert.IsType<OmeConfigurationResult>(created).EmailText);

        var conflict = _session.Errors("New-OMEConfiguration -Identity $id", ("id", identity));
        Assert.Equal(ErrorCategory.ResourceExists, Assert.Single(conflict).CategoryInfo.Category);

        _session.Run("Remove-OMEConfiguration -Identity $id -Confirm:$false", ("id", identity));
        var missing = _session.Errors("Get-OMEConfiguration -Identity $id; 'went on'", ("id", identity));
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(missing).CategoryInfo.Category);

        var listed = _session.Run("Get-OMEConfiguration").Select(o => ((OmeConfigurationResult)o.BaseObject).Identity).ToList();
        Assert.Equal("OME Configuration", listed[0]);
        Assert.DoesNotContain(identity, listed);
    }

    [Fact]
    public void RemoveOmeConfiguration_Default_TerminatesAsInvalidArgument()
    {
        var error = _session.Terminates("Remove-OMEConfiguration -Identity 'OME Configuration' -Confirm:$false");
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Single(_session.Run("Get-OMEConfiguration -Identity 'OME Configuration'"));
    }

    public void Dispose() => _session.Dispose();

    private OmeConfigurationResult Get(string identity) =>
        (OmeConfigurationResult)_session.Run("Get-OMEConfiguration -Identity $id", ("id", identity)).Single().BaseObject;

    private static string NewIdentity() => "Template " + Guid.NewGuid().ToString("N")[..8];
}
