using Mailseal.Gateway.Front;

namespace Mailseal.Gateway.Tests.Front;

public sealed class SmtpReplyAggregatorTests
{
    private static SmtpReply Reply(int code) => new(code, $"{code / 100}.0.0", $"text {code}");

    [Theory]
    [InlineData(new[] { 250 }, 250)]
    [InlineData(new[] { 250, 250, 250 }, 250)]
    [InlineData(new[] { 250, 451 }, 451)]
    [InlineData(new[] { 550, 250, 452 }, 452)]
    [InlineData(new[] { 550, 554 }, 550)]
    [InlineData(new[] { 550, 250 }, 250)]
    [InlineData(new[] { 421, 450 }, 421)]
    public void Aggregate_Replies_FollowsTheNothingLostRule(int[] codes, int expected)
    {
        var reply = SmtpReplyAggregator.Aggregate(codes.Select(Reply).ToArray());
        Assert.Equal(expected, reply.Code);
        Assert.Equal($"text {expected}", reply.Text);
    }

    [Fact]
    public void Aggregate_NoReplies_Throws()
    {
        Assert.Throws<ArgumentException>(() => SmtpReplyAggregator.Aggregate([]));
    }

    [Theory]
    [InlineData(250, "2.0.0", "ok", true)]
    [InlineData(250, "4.0.0", "ok", false)]
    [InlineData(199, "1.0.0", "ok", false)]
    [InlineData(550, "5.1.1", "two\r\nlines", false)]
    [InlineData(451, "4.3", "short", false)]
    public void IsWellFormed_Reply_ChecksCodeClassAndText(int code, string enhanced, string text, bool expected)
    {
        Assert.Equal(expected, new SmtpReply(code, enhanced, text).IsWellFormed);
    }
}
