using Mailseal.Core.Organization;

namespace Mailseal.Core.Tests.Organization;

public sealed class OrganizationSnapshotTests
{
    private static readonly OrganizationSnapshot Contoso = new(
        [new AcceptedDomain { DomainName = "Contoso.com." }],
        [new OrganizationUser { Address = "Ann@Contoso.com", MaySendEncrypted = false }]);

    [Theory]
    [InlineData("bob@contoso.com", true)]
    [InlineData("bob@CONTOSO.COM.", true)]
    [InlineData("bob@mail.contoso.com", false)]
    [InlineData("bob@notcontoso.com", false)]
    [InlineData("contoso.com", false)]
    [InlineData("", false)]
    public void IsInOrganization_Address_ExactAcceptedDomainOnly(string address, bool expected)
    {
        Assert.Equal(expected, Contoso.IsInOrganization(address));
    }

    [Fact]
    public void FindUser_OtherCase_Found()
    {
        Assert.False(Contoso.FindUser("ann@contoso.com")?.MaySendEncrypted);
        Assert.Null(Contoso.FindUser("bob@contoso.com"));
    }
}
