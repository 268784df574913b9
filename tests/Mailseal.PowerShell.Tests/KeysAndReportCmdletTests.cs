using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.Core.Keys;
using Mailseal.Core.Tracking;

namespace Mailseal.PowerShell.Tests;

/// <summary>Tenant keys, DKIM keys, the traffic report and the API key check, against the real admin API.</summary>
[Collection(AdminApiTests.Name)]
public sealed class KeysAndReportCmdletTests : IDisposable
{
    private readonly AdminApiServer _server;
    private readonly PowerShellSession _session = new();

    public KeysAndReportCmdletTests(AdminApiServer server)
    {
        _server = server;
        _session.Connect(server);
    }

    [Fact]
    public void OmeKey_RotateSigningThenRetireTheOldKey_NoPrivateKeyShown()
    {
        var before = Keys();
        var oldSigning = before.Single(k => k.Purpose == KeyPurpose.LicenseSigning && k.State == "active");

        _session.Run("New-OMEKey -Purpose LicenseSigning -WhatIf");
        Assert.Equal(before, Keys());

        var created = _session.Run("New-OMEKey -Purpose LicenseSigning -Confirm:$false").Select(o => (TenantKeyInfo)o.BaseObject).Single();
        Assert.Equal(KeyPurpose.LicenseSigning, created.Purpose);
        Assert.NotEqual(oldSigning.State, Keys().Single(k => k.Id == oldSigning.Id).State);

        var retired = (TenantKeyInfo)_session.Run("Get-OMEKey -Identity $id | Set-OMEKey -Retired -Confirm:$false", ("id", oldSigning.Id)).Single().BaseObject;
        Assert.Equal("retired", retired.State);
        Assert.NotNull(retired.RetiredAt);

        var shown = _session.Run("Get-OMEKey | Format-Table | Out-String -Width 300; Get-OMEKey | ConvertTo-Json").Select(o => o.ToString());
        Assert.DoesNotContain(shown, text => text!.Contains("PRIVATE KEY", StringComparison.Ordinal));
    }

    [Fact]
    public void SetOmeKey_UnknownKey_IsObjectNotFound()
    {
        var errors = _session.Errors("Set-OMEKey -Identity no-such-key -Retired -Confirm:$false");
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(errors).CategoryInfo.Category);
    }

    [Fact]
    public void DkimSigningConfig_New_PrintsTheTxtRecordAndNoPrivateKey()
    {
        var domain = $"k{Guid.NewGuid():N}"[..12] + ".example";
        var table = _session.Run("New-DkimSigningConfig -DomainName $d -Selector s2026 | Format-List | Out-String -Width 4000", ("d", domain)).Single().ToString();
        Assert.Contains($"s2026._domainkey.{domain}", table, StringComparison.Ordinal);
        Assert.Contains("v=DKIM1; k=rsa; p=", table, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", table, StringComparison.Ordinal);

        var listed = (DkimKeyInfo)_session.Run("Get-DkimSigningConfig -Identity $d", ("d", domain)).Single().BaseObject;
        Assert.Equal(("s2026", 2048), (listed.Selector, listed.KeySizeBits));

        var conflict = _session.Errors("New-DkimSigningConfig -DomainName $d -Selector s2026", ("d", domain));
        Assert.Equal(ErrorCategory.ResourceExists, Assert.Single(conflict).CategoryInfo.Category);
    }

    [Fact]
    public void MailTrafficPolicyReport_Range_ReturnsTypedRows_AndRefusesAReversedRange()
    {
        var rows = _session.Run("Get-MailTrafficPolicyReport -StartDate (Get-Date).AddDays(-3) -EndDate (Get-Date) -Direction Outbound");
        Assert.All(rows, r => Assert.Equal(TrafficDirection.Outbound, Assert.IsType<TrafficCount>(r.BaseObject).Direction));

        var error = _session.Terminates("Get-MailTrafficPolicyReport -StartDate 2026-11-10 -EndDate 2026-11-01");
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.StartsWith("EndDate:", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connect_WrongKey_StopsWithAuthenticationErrorAndStaysDisconnected()
    {
        using var session = new PowerShellSession();
        var error = session.Terminates("Connect-Mailseal -Uri $uri -ApiKey msk_0000000000000000_wrong", ("uri", _server.Uri));
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Equal(ErrorCategory.ConnectionError, session.Terminates("Get-TransportRule").CategoryInfo.Category);
    }

    [Fact]
    public void Disconnect_ThenAnyCmdlet_IsNotConnected()
    {
        using var session = new PowerShellSession();
        session.Connect(_server);
        session.Run("Get-OMEKey | Out-Null; Disconnect-Mailseal");
        Assert.Equal(ErrorCategory.ConnectionError, session.Terminates("Get-OMEKey").CategoryInfo.Category);
    }

    public void Dispose() => _session.Dispose();

    private List<TenantKeyInfo> Keys() => [.. _session.Run("Get-OMEKey").Select(o => (TenantKeyInfo)o.BaseObject)];
}
