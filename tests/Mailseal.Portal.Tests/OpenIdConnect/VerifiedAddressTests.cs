using System.Security.Claims;
using Mailseal.Portal.SignIn.OpenIdConnect;

namespace Mailseal.Portal.Tests.OpenIdConnect;

public sealed class VerifiedAddressTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    public void Read_EmailVerifiedTrue_ReturnsEmail(string verified)
    {
        var principal = Principal(("email", "anna@example.net"), ("email_verified", verified));

        Assert.Equal("anna@example.net", VerifiedAddress.Read(AddressRule.EmailVerified, principal));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("yes")]
    public void Read_EmailVerifiedNotTrue_ReturnsNull(string verified)
    {
        var principal = Principal(("email", "anna@example.net"), ("email_verified", verified));

        Assert.Null(VerifiedAddress.Read(AddressRule.EmailVerified, principal));
    }

    [Fact]
    public void Read_EmailVerifiedMissing_ReturnsNull()
    {
        Assert.Null(VerifiedAddress.Read(AddressRule.EmailVerified, Principal(("email", "anna@example.net"))));
    }

    [Fact]
    public void Read_EmailMissing_ReturnsNull()
    {
        Assert.Null(VerifiedAddress.Read(AddressRule.EmailVerified, Principal(("email_verified", "true"))));
    }

    [Fact]
    public void Read_TwoDifferentEmails_ReturnsNull()
    {
        var principal = Principal(("email", "anna@example.net"), ("email", "boss@example.net"), ("email_verified", "true"));

        Assert.Null(VerifiedAddress.Read(AddressRule.EmailVerified, principal));
    }

    [Fact]
    public void Read_SameEmailFromTokenAndUserInfo_ReturnsIt()
    {
        var principal = Principal(("email", "anna@example.net"), ("email", "anna@example.net"), ("email_verified", "true"));

        Assert.Equal("anna@example.net", VerifiedAddress.Read(AddressRule.EmailVerified, principal));
    }

    [Fact]
    public void Read_VerifiedFromTokenAndUserInfo_ReturnsEmail()
    {
        var principal = Principal(("email", "anna@example.net"), ("email_verified", "true"), ("email_verified", "True"));

        Assert.Equal("anna@example.net", VerifiedAddress.Read(AddressRule.EmailVerified, principal));
    }

    [Fact]
    public void Read_VerifiedTrueAndFalse_ReturnsNull()
    {
        var principal = Principal(("email", "anna@example.net"), ("email_verified", "true"), ("email_verified", "false"));

        Assert.Null(VerifiedAddress.Read(AddressRule.EmailVerified, principal));
    }

    [Theory]
    [InlineData("Anna <anna@example.net>")]
    [InlineData("anna@example.net, boss@example.net")]
    [InlineData("not an address")]
    [InlineData("group: anna@example.net;")]
    public void Read_EmailNotABareAddress_ReturnsNull(string email)
    {
        var principal = Principal(("email", email), ("email_verified", "true"));

        Assert.Null(VerifiedAddress.Read(AddressRule.EmailVerified, principal));
    }

    [Fact]
    public void Read_MicrosoftRuleWithDomainOwnerVerified_ReturnsEmail()
    {
        var principal = Principal(("email", "anna@contoso.example"), ("xms_edov", "true"));

        Assert.Equal("anna@contoso.example", VerifiedAddress.Read(AddressRule.MicrosoftEntra, principal));
    }

    [Fact]
    public void Read_MicrosoftRuleWithoutDomainOwnerVerified_ReturnsNull()
    {
        var principal = Principal(("email", "anna@contoso.example"), ("xms_edov", "false"));

        Assert.Null(VerifiedAddress.Read(AddressRule.MicrosoftEntra, principal));
    }

    [Fact]
    public void Read_MicrosoftRuleIgnoresEmailVerified_ReturnsNull()
    {
        // Microsoft's issuers do not vouch through email_verified; its presence proves nothing under this rule.
        var principal = Principal(("email", "anna@contoso.example"), ("email_verified", "true"));

        Assert.Null(VerifiedAddress.Read(AddressRule.MicrosoftEntra, principal));
    }

    [Fact]
    public void Read_StandardRuleIgnoresDomainOwnerVerified_ReturnsNull()
    {
        var principal = Principal(("email", "anna@example.net"), ("xms_edov", "true"));

        Assert.Null(VerifiedAddress.Read(AddressRule.EmailVerified, principal));
    }

    [Fact]
    public void Read_UndefinedRule_ReturnsNull()
    {
        var principal = Principal(("email", "anna@example.net"), ("email_verified", "true"), ("xms_edov", "true"));

        Assert.Null(VerifiedAddress.Read((AddressRule)42, principal));
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));
}
