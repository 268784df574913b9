using Mailseal.Portal.SignIn.OpenIdConnect;

namespace Mailseal.Portal.Tests.OpenIdConnect;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/message")]
    [InlineData("/message?part=2#top")]
    public void IsLocal_PathOnThePortal_True(string url)
    {
        Assert.True(LocalReturnUrl.IsLocal(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("\\\\evil.example")]
    [InlineData("evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\nLocation: https://evil.example")]
    public void IsLocal_AnythingElse_False(string? url)
    {
        Assert.False(LocalReturnUrl.IsLocal(url));
    }
}
