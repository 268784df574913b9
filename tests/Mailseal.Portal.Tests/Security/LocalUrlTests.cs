using Mailseal.Portal.Security;

namespace Mailseal.Portal.Tests.Security;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/read/00ff")]
    [InlineData("/read/00ff?part=2#top")]
    public void IsLocal_PathOnThePortal_True(string url)
    {
        Assert.True(LocalUrl.IsLocal(url));
        Assert.Equal(url, LocalUrl.OrDefault(url, "/fallback"));
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
        Assert.False(LocalUrl.IsLocal(url));
        Assert.Equal("/fallback", LocalUrl.OrDefault(url, "/fallback"));
    }
}
