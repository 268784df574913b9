using System.Management.Automation;
using Mailseal.Core.Rules;

namespace Mailseal.PowerShell.Tests;

/// <summary>The module as PowerShell sees it, before any connection: cmdlets, parameters, help, views.</summary>
public sealed class ModuleTests : IDisposable
{
    private static readonly string[] Cmdlets =
    [
        "Connect-Mailseal", "Disconnect-Mailseal",
        "Get-OMEConfiguration", "New-OMEConfiguration", "Set-OMEConfiguration", "Remove-OMEConfiguration",
        "Get-TransportRule", "New-TransportRule", "Set-TransportRule", "Remove-TransportRule",
        "Enable-TransportRule", "Disable-TransportRule", "Test-TransportRule",
        "Get-AcceptedDomain", "New-AcceptedDomain", "Remove-AcceptedDomain",
        "Get-MailsealUser", "New-MailsealUser", "Set-MailsealUser", "Remove-MailsealUser",
        "Get-DkimSigningConfig", "New-DkimSigningConfig", "Get-OMEKey", "New-OMEKey", "Set-OMEKey",
        "Get-MailTrafficPolicyReport",
    ];

    private readonly PowerShellSession _session = new();

    [Fact]
    public void Module_Imported_ExportsEveryCmdlet()
    {
        var exported = _session.Run("Get-Command -Module Mailseal | ForEach-Object Name").Select(o => o.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(Cmdlets.Order(StringComparer.Ordinal), exported, StringComparer.Ordinal);
    }

    [Fact]
    public void Help_EveryCmdlet_HasSynopsisDescriptionAndExample()
    {
        foreach (var cmdlet in Cmdlets)
        {
            var help = _session.Run("Get-Help $name -Full", ("name", cmdlet)).Single();
            var synopsis = help.Properties["Synopsis"].Value?.ToString()?.Trim();
            Assert.False(string.IsNullOrEmpty(synopsis), $"{cmdlet} has no synopsis.");
            Assert.DoesNotContain(cmdlet, synopsis, StringComparison.Ordinal); // PowerShell's stand-in when no help file is found
            var examples = _session.Run("@((Get-Help $name -Examples).examples.example).Count", ("name", cmdlet));
            Assert.True((int)examples.Single().BaseObject >= 1, $"{cmdlet} has no example.");
            var description = _session.Run("(Get-Help $name).description.Text -join ''", ("name", cmdlet));
            Assert.False(string.IsNullOrWhiteSpace(description.Single()?.ToString()), $"{cmdlet} has no description.");
        }
    }

    [Fact]
    public void Help_EveryParameterOfEveryCmdlet_IsDescribed()
    {
        foreach (var cmdlet in Cmdlets)
        {
            var undocumented = _session.Run("""
                $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
                $described = @((Get-Help $name -Full).parameters.parameter | Where-Object { $_.description } | ForEach-Object name)
                (Get-Command $name).Parameters.Keys | Where-Object { $_ -notin $common -and $_ -notin $described }
                """, ("name", cmdlet));
            Assert.True(undocumented.Count == 0, $"{cmdlet}: no help for {string.Join(", ", undocumented)}");
        }
    }

    [Theory]
    [InlineData("New-TransportRule")]
    [InlineData("Set-TransportRule")]
    public void RuleCmdlets_EveryPredicateOfTheCatalogue_IsAParameterAndAnExceptIfParameter(string cmdlet)
    {
        var parameters = _session.Run("(Get-Command $name).Parameters.Keys", ("name", cmdlet))
            .Select(o => o.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var predicate in RulePredicates.Parameters)
        {
            Assert.Contains(predicate.Name, parameters);
            Assert.Contains(RulePredicates.ExceptIfPrefix + predicate.Name, parameters);
            if (predicate.HeaderParameter is { } header)
            {
                Assert.Contains(header, parameters);
                Assert.Contains(RulePredicates.ExceptIfPrefix + header, parameters);
            }
        }
    }

    [Fact]
    public void OutputTypes_EveryOne_HasADefaultTableView()
    {
        var types = _session.Run("Get-Command -Module Mailseal | ForEach-Object { $_.OutputType.Type } | Where-Object { $_ -and $_ -ne [void] } | Sort-Object FullName -Unique | ForEach-Object FullName")
            .Select(o => o.ToString()).ToList();
        Assert.Equal(8, types.Count);
        foreach (var type in types)
        {
            var views = _session.Run("Get-FormatData -TypeName $type | ForEach-Object { $_.FormatViewDefinition.Control.GetType().Name }",
                ("type", type));
            Assert.True(views.Any(v => v.ToString() == "TableControl"), $"{type} has no table view.");
        }
    }

    [Fact]
    public void MutatingCmdlets_All_SupportWhatIfAndConfirm()
    {
        var mutating = Cmdlets.Where(c => c.Split('-')[0] is "New" or "Set" or "Remove" or "Enable" or "Disable");
        foreach (var cmdlet in mutating)
        {
            var parameters = _session.Run("(Get-Command $name).Parameters.Keys", ("name", cmdlet))
                .Select(o => o.ToString()).ToList();
            Assert.Contains("WhatIf", parameters);
            Assert.Contains("Confirm", parameters);
        }
    }

    [Fact]
    public void AnyCmdlet_NotConnected_StopsWithConnectionError()
    {
        var error = _session.Terminates("Get-TransportRule");
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("Connect-Mailseal", error.Exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://192.0.2.10:5081")]
    [InlineData("ftp://127.0.0.1:5081")]
    public void Connect_PlainHttpOffLoopback_IsRefusedBeforeTheKeyIsSent(string uri)
    {
        var error = _session.Terminates("Connect-Mailseal -Uri $uri -ApiKey msk_x_y", ("uri", uri));
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }

    [Fact]
    public void Connect_NothingListening_StopsWithConnectionErrorAndStaysDisconnected()
    {
        var port = Mailseal.Testing.LoopbackPorts.Free();
        var error = _session.Terminates("Connect-Mailseal -Uri $uri -ApiKey msk_x_y", ("uri", $"http://127.0.0.1:{port}"));
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Equal(ErrorCategory.ConnectionError, _session.Terminates("Get-OMEConfiguration").CategoryInfo.Category);
    }

    public void Dispose() => _session.Dispose();
}
