using Mailseal.Portal.Mail;
using Mailseal.Portal.PassCodes;

namespace Mailseal.Portal.Tests.PassCodes;

public sealed class PassCodeOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new PassCodeOptions { LockBackoffs = [.. PassCodeOptions.DefaultLockBackoffs] };

        Assert.True(new PassCodeOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(101, 5, 60)]
    [InlineData(100, 0, 60)]
    [InlineData(100, 5, 60 * 25)]
    public void Validate_LimitsThatWouldWeakenOrShutOut_Fail(int attemptsPerDay, int failuresBeforeLock, int backoffMinutes)
    {
        var options = new PassCodeOptions
        {
            AttemptsPerDay = attemptsPerDay,
            FailuresBeforeLock = failuresBeforeLock,
            LockBackoffs = [TimeSpan.FromMinutes(backoffMinutes)],
        };

        Assert.True(new PassCodeOptionsValidator().Validate(null, options).Failed);
    }

    [Theory]
    [InlineData("no-reply@example.org", "127.0.0.1:2587", "portal", "secret", true)]
    [InlineData("Portal <no-reply@example.org>", "127.0.0.1:2587", "portal", "secret", false)]
    [InlineData("no-reply", "127.0.0.1:2587", "portal", "secret", false)]
    [InlineData("no-reply@example.org", "127.0.0.1:99999", "portal", "secret", false)]
    [InlineData("no-reply@example.org", "127.0.0.1:2587", "portal", null, false)]
    public void Validate_PortalMail_NeedsAnAddressAListenerAndCredentials(
        string serviceAddress, string endpoint, string? userName, string? password, bool valid)
    {
        var options = new PortalMailOptions
        {
            ServiceAddress = serviceAddress,
            Submission = new PortalSubmissionOptions { Endpoint = endpoint, UserName = userName, Password = password },
        };

        Assert.Equal(valid, new PortalMailOptionsValidator().Validate(null, options).Succeeded);
    }
}
