using System.Management.Automation;
using System.Text.Json;
using Mailseal.Core.Administration;
using Mailseal.Core.Rules;

namespace Mailseal.PowerShell.Tests;

/// <summary>Get/New/Set/Remove/Enable/Disable/Test-TransportRule against the real admin API.</summary>
[Collection(AdminApiTests.Name)]
public sealed class TransportRuleCmdletTests : IDisposable
{
    private readonly AdminApiServer _server;
    private readonly PowerShellSession _session = new();

    public TransportRuleCmdletTests(AdminApiServer server)
    {
        _server = server;
        _session.Connect(server);
    }

    [Fact]
    public void NewTransportRule_ExchangeParameters_StoredAsGiven()
    {
        var name = NewName();
        var rule = (TransportRule)_session.Run("""
            New-TransportRule -Name $name -SentToScope NotInOrganization -ApplyOME $true -ExceptIfSubjectContainsWords public, newsletter `
                -HeaderContainsMessageHeader X-Class -HeaderContainsWords secret -Mode Audit -Comments 'from PowerShell'
            """, ("name", name)).Single().BaseObject;

        Assert.Equal(RuleMode.Audit, rule.Mode);
        Assert.True(rule.Actions.ApplyOme);
        Assert.Equal("from PowerShell", rule.Comments);
        Assert.Contains(rule.Conditions, p => p.Name == "SentToScope" && p.Values.SequenceEqual(["NotInOrganization"]));
        Assert.Contains(rule.Conditions, p => p.Name == "HeaderContainsWords" && p.Header == "X-Class" && p.Values.SequenceEqual(["secret"]));
        Assert.Contains(rule.Exceptions, p => p.Name == "SubjectContainsWords" && p.Values.SequenceEqual(["public", "newsletter"]));
        // Records with list members compare lists by reference: compare what the API said, member by member.
        Assert.Equal(JsonSerializer.Serialize(rule), JsonSerializer.Serialize(Get(name)));
    }

    [Fact]
    public void SetTransportRule_EmptyExceptionAndText_RemovesThemAndKeepsTheRest()
    {
        var name = NewName();
        _session.Run("New-TransportRule -Name $name -SentToScope NotInOrganization -ApplyOME $true -ExceptIfSubjectContainsWords public -PrependSubject '[sealed] ' | Out-Null", ("name", name));
        _session.Run("Set-TransportRule -Identity $name -ExceptIfSubjectContainsWords '' -PrependSubject '' -StopRuleProcessing $true", ("name", name));
        var rule = Get(name);
        Assert.Empty(rule.Exceptions);
        Assert.Null(rule.Actions.PrependSubject);
        Assert.True(rule.StopRuleProcessing);
        Assert.True(rule.Actions.ApplyOme);
        Assert.Single(rule.Conditions);
    }

    [Fact]
    public void SetTransportRule_InvalidScope_TerminatesNamingTheParameter()
    {
        var name = NewName();
        _session.Run("New-TransportRule -Name $name -SentToScope NotInOrganization -ApplyOME $true | Out-Null", ("name", name));
        var error = _session.Terminates("Set-TransportRule -Identity $name -ExceptIfSentToScope Elsewhere", ("name", name));
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("ExceptIfSentToScope", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Get(name).Exceptions);
    }

    [Fact]
    public void Priority_NewAtZero_RunsFirstAndMovesTheOthers()
    {
        var first = NewName();
        _session.Run("New-TransportRule -Name $name -SubjectContainsWords alpha -PrependSubject 'a ' | Out-Null", ("name", first));
        var second = NewName();
        _session.Run("New-TransportRule -Name $name -Priority 0 -SubjectContainsWords beta -PrependSubject 'b ' | Out-Null", ("name", second));
        var all = _session.Run("Get-TransportRule").Select(o => (TransportRule)o.BaseObject).ToList();
        Assert.Equal(second, all[0].Name);
        Assert.Equal(Enumerable.Range(0, all.Count), all.Select(r => r.Priority));
        Assert.True(Get(first).Priority > 0);
    }

    [Fact]
    public void DisableTransportRule_PipedFromGetTransportRule_DisablesEveryRule_WhatIfNone()
    {
        _session.Run("New-TransportRule -Name $name -SubjectContainsWords piped -ApplyOME $true | Out-Null", ("name", NewName()));
        _session.Run("Get-TransportRule | Enable-TransportRule");

        _session.Run("Get-TransportRule | Disable-TransportRule -WhatIf");
        Assert.All(All(), r => Assert.Equal(RuleState.Enabled, r.State));

        _session.Run("Get-TransportRule | Disable-TransportRule");
        Assert.All(All(), r => Assert.Equal(RuleState.Disabled, r.State));

        var enabled = _session.Run("Get-TransportRule | Enable-TransportRule -PassThru").Select(o => (TransportRule)o.BaseObject).ToList();
        Assert.Equal(All().Count, enabled.Count);
        Assert.All(All(), r => Assert.Equal(RuleState.Enabled, r.State));
    }

    [Fact]
    public void RemoveTransportRule_WhatIfKeepsIt_ThenRemoves_ThenNotFound()
    {
        var name = NewName();
        _session.Run("New-TransportRule -Name $name -SubjectContainsWords gone -ApplyOME $true | Out-Null", ("name", name));
        _session.Run("Remove-TransportRule -Identity $name -WhatIf", ("name", name));
        Assert.Equal(name, Get(name).Name);

        _session.Run("Get-TransportRule -Identity $name | Remove-TransportRule -Confirm:$false", ("name", name));
        var errors = _session.Errors("Get-TransportRule -Identity $name", ("name", name));
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(errors).CategoryInfo.Category);

        var conflict = _session.Errors("New-TransportRule -Name $name -SubjectContainsWords x; New-TransportRule -Name $name -SubjectContainsWords x", ("name", name));
        Assert.Equal(ErrorCategory.ResourceExists, Assert.Single(conflict).CategoryInfo.Category);
    }

    [Fact]
    public void TestTransportRule_MessageFile_ExplainsPerRecipient_AndChangesNothing()
    {
        var domain = $"t{Guid.NewGuid():N}"[..12] + ".example";
        var name = NewName();
        // Priority 0: a rule of another test that stops rule processing must not hide this one.
        _session.Run("New-AcceptedDomain -DomainName $domain | Out-Null; New-TransportRule -Name $name -Priority 0 -SentToScope NotInOrganization -ApplyOME $true | Out-Null",
            ("domain", domain), ("name", name));
        var eml = Path.Combine(_server.Files, name + ".eml");
        File.WriteAllText(eml, $"From: ann@{domain}\r\nTo: carol@fabrikam.example, bob@{domain}\r\nSubject: Quote\r\nMessage-ID: <q1@{domain}>\r\n\r\nHello\r\n");
        var before = _session.Run("Get-TransportRule | ConvertTo-Json -Depth 6").Single().ToString();

        var result = (TransportRuleTestResult)_session.Run("Test-TransportRule -MessageFile $file -Sender $sender -Recipient carol@fabrikam.example, $bob",
            ("file", eml), ("sender", $"ann@{domain}"), ("bob", $"bob@{domain}")).Single().BaseObject;

        var carol = result.Evaluation.Recipients.Single(r => r.Recipient == "carol@fabrikam.example");
        var bob = result.Evaluation.Recipients.Single(r => r.Recipient == $"bob@{domain}");
        Assert.Contains(carol.MatchedRules, m => m.RuleName == name);
        Assert.DoesNotContain(bob.MatchedRules, m => m.RuleName == name);
        Assert.Contains(result.Evaluation.Trace, t => t.RuleName == name && t.Recipient == $"bob@{domain}" && !t.Matched);
        Assert.Equal(before, _session.Run("Get-TransportRule | ConvertTo-Json -Depth 6").Single().ToString());
        _session.Run("Remove-TransportRule -Identity $name -Confirm:$false", ("name", name));
    }

    [Fact]
    public void TestTransportRule_MissingFile_IsObjectNotFound()
    {
        var error = _session.Terminates("Test-TransportRule -MessageFile (Join-Path $dir missing.eml) -Sender a@b.example -Recipient c@d.example", ("dir", _server.Files));
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    public void Dispose() => _session.Dispose();

    private TransportRule Get(string name) => (TransportRule)_session.Run("Get-TransportRule -Identity $name", ("name", name)).Single().BaseObject;

    private List<TransportRule> All() => [.. _session.Run("Get-TransportRule").Select(o => (TransportRule)o.BaseObject)];

    private static string NewName() => "Rule " + Guid.NewGuid().ToString("N")[..8];
}
