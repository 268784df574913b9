using System.Management.Automation;
using Mailseal.Core.Organization;

namespace Mailseal.PowerShell.Tests;

/// <summary>Accepted domains and users against the real admin API.</summary>
[Collection(AdminApiTests.Name)]
public sealed class OrganizationCmdletTests : IDisposable
{
    private readonly PowerShellSession _session = new();

    public OrganizationCmdletTests(AdminApiServer server) => _session.Connect(server);

    [Fact]
    public void AcceptedDomain_NewGetPipeRemove_WithConflictAndWhatIf()
    {
        var domain = NewDomain();
        var created = (AcceptedDomain)_session.Run("New-AcceptedDomain -DomainName $d -DomainType InternalRelay", ("d", domain)).Single().BaseObject;
        Assert.Equal(new AcceptedDomain { DomainName = domain, Type = AcceptedDomainType.InternalRelay }, created);

        var conflict = _session.Errors("New-AcceptedDomain -DomainName $d", ("d", domain.ToUpperInvariant()));
        Assert.Equal(ErrorCategory.ResourceExists, Assert.Single(conflict).CategoryInfo.Category);

        _session.Run("Get-AcceptedDomain -Identity $d | Remove-AcceptedDomain -WhatIf", ("d", domain));
        Assert.Single(_session.Run("Get-AcceptedDomain -Identity $d", ("d", domain)));

        _session.Run("Get-AcceptedDomain -Identity $d | Remove-AcceptedDomain -Confirm:$false", ("d", domain));
        Assert.DoesNotContain(_session.Run("Get-AcceptedDomain"), o => ((AcceptedDomain)o.BaseObject).DomainName == domain);
        var missing = _session.Errors("Remove-AcceptedDomain -Identity $d -Confirm:$false", ("d", domain));
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(missing).CategoryInfo.Category);
    }

    [Fact]
    public void NewAcceptedDomain_NotADomain_TerminatesNamingDomainName()
    {
        var error = _session.Terminates("New-AcceptedDomain -DomainName 'not a domain'");
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.StartsWith("DomainName:", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MailsealUser_LanguageAndPermission_SetAndRevert()
    {
        var address = $"ann@{NewDomain()}";
        var user = (OrganizationUser)_session.Run("New-MailsealUser -Identity $a -DisplayName Ann -Language de-DE", ("a", address)).Single().BaseObject;
        Assert.Equal(("de-DE", true), (user.Language, user.MaySendEncrypted));

        _session.Run("Get-MailsealUser -Identity $a | Set-MailsealUser -MaySendEncrypted $false", ("a", address));
        _session.Run("Set-MailsealUser -Identity $a -Language ''", ("a", address));
        var changed = Get(address);
        Assert.Null(changed.Language);
        Assert.False(changed.MaySendEncrypted);
        Assert.Equal("Ann", changed.DisplayName);

        _session.Run("Set-MailsealUser -Identity $a -DisplayName 'Someone else' -WhatIf", ("a", address));
        Assert.Equal("Ann", Get(address).DisplayName);

        _session.Run("Remove-MailsealUser -Identity $a -Confirm:$false", ("a", address));
        var missing = _session.Errors("Get-MailsealUser -Identity $a", ("a", address));
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(missing).CategoryInfo.Category);
    }

    [Fact]
    public void SetMailsealUser_BadLanguage_TerminatesNamingLanguage()
    {
        var address = $"bob@{NewDomain()}";
        _session.Run("New-MailsealUser -Identity $a | Out-Null", ("a", address));
        var error = _session.Terminates("Set-MailsealUser -Identity $a -Language 'no such language!'", ("a", address));
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.StartsWith("Language:", error.Exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _session.Dispose();

    private OrganizationUser Get(string address) => (OrganizationUser)_session.Run("Get-MailsealUser -Identity $a", ("a", address)).Single().BaseObject;

    private static string NewDomain() => $"d{Guid.NewGuid():N}"[..12] + ".example";
}
