using System.Text;
using Mailseal.Core.Configuration;
using Mailseal.Core.Organization;
using Mailseal.Core.Rules;

namespace Mailseal.Core.Tests.Configuration;

public sealed class RuleDocumentTests
{
    /// <summary>The example of docs/rules.md: -SentToScope NotInOrganization -ApplyOME $true.</summary>
    public const string ExampleJson = """
        {
          "version": 2,
          "acceptedDomains": [ { "domainName": "contoso.com", "type": "Authoritative" } ],
          "users": [ { "address": "ann@contoso.com", "displayName": "Ann", "language": "de-DE", "maySendEncrypted": true } ],
          "rules": [
            {
              "name": "Encrypt mail to outside",
              "priority": 0,
              "state": "Enabled",
              "mode": "Enforce",
              "comments": "New-TransportRule -SentToScope NotInOrganization -ApplyOME $true",
              "conditions": [ { "name": "SentToScope", "values": [ "NotInOrganization" ] } ],
              "exceptions": [ { "name": "MessageTypeMatches", "values": [ "OOF" ] } ],
              "actions": { "applyOME": true }
            }
          ]
        }
        """;

    [Fact]
    public async Task Read_DocsExample_GivesTheRule()
    {
        var document = await ConfigurationDocumentSerializer.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(ExampleJson)));

        var rule = Assert.Single(document.Rules!);
        Assert.Equal("Encrypt mail to outside", rule.Name);
        Assert.True(rule.Actions.ApplyOme);
        Assert.Equal(["NotInOrganization"], Assert.Single(rule.Conditions).Values);
        Assert.Equal(new AcceptedDomain { DomainName = "contoso.com" }, Assert.Single(document.AcceptedDomains!));
        Assert.Equal("de-DE", Assert.Single(document.Users!).Language);
        TransportRuleValidator.Validate(rule);
    }

    [Fact]
    public async Task Read_VersionOneDocument_StillRead()
    {
        var document = await ConfigurationDocumentSerializer.ReadAsync(new MemoryStream("""{"version":1,"omeConfigurations":[]}"""u8.ToArray()));

        Assert.Equal(1, document.Version);
        Assert.Null(document.Rules);
    }

    [Theory]
    [InlineData("""{"version":2,"rules":[{"name":"a","mode":"Sometimes"}]}""", "mode")]
    [InlineData("""{"version":2,"rules":[{"name":"a","actions":{"applyOme":true}}]}""", "applyOme")]
    [InlineData("""{"version":2,"rules":[{"name":"a","conditions":[{"name":"From"}]}]}""", "values")]
    [InlineData("""{"version":2,"users":[{"displayName":"x"}]}""", "address")]
    public async Task Read_MalformedRuleSection_ClearError(string json, string mentions)
    {
        var error = await Assert.ThrowsAsync<ConfigurationDocumentException>(
            () => ConfigurationDocumentSerializer.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteThenRead_Rules_SameJson()
    {
        var document = new ConfigurationDocument
        {
            Rules =
            [
                new TransportRule
                {
                    Name = "r", ActivationDate = DateTimeOffset.UnixEpoch, Mode = RuleMode.Audit,
                    Conditions = [RulePredicate.OfHeader("HeaderContainsWords", "X-Class", "secret")],
                    Actions = new RuleActions { SetHeaderName = "X-A", SetHeaderValue = "b" },
                },
            ],
        };
        using var first = new MemoryStream();
        await ConfigurationDocumentSerializer.WriteAsync(document, first);
        first.Position = 0;
        var read = await ConfigurationDocumentSerializer.ReadAsync(first);
        using var second = new MemoryStream();

        await ConfigurationDocumentSerializer.WriteAsync(read, second);

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Contains("\"mode\": \"Audit\"", Encoding.UTF8.GetString(first.ToArray()), StringComparison.Ordinal);
    }
}
