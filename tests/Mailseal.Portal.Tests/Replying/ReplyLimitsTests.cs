using Mailseal.Portal.Replying;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Tests.Replying;

public sealed class ReplyLimitsTests : IAsyncLifetime
{
    private static readonly Replier Bruno = new(OriginalMessages.Replier, null);

    private ReplyHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ReplyHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Portal:Reply:MaxAttachments"] = "2",
        ["Portal:Reply:MaxAttachmentBytes"] = "1000",
        ["Portal:Reply:MaxRecipients"] = "3",
        ["Portal:Reply:MaxTextLength"] = "50",
        ["Protection:MaxMessageBytes"] = "4000",
    });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<string, ReplyRejectionReason> Breaches => new()
    {
        { "text", ReplyRejectionReason.TextTooLong },
        { "count", ReplyRejectionReason.TooManyAttachments },
        { "bytes", ReplyRejectionReason.AttachmentsTooLarge },
        { "recipients", ReplyRejectionReason.TooManyRecipients },
        { "invalid", ReplyRejectionReason.InvalidRecipient },
        { "injection", ReplyRejectionReason.InvalidRecipient },
        { "none", ReplyRejectionReason.NoRecipients },
        { "nofrom", ReplyRejectionReason.NoRecipients },
        { "size", ReplyRejectionReason.MessageTooLarge },
    };

    [Theory]
    [MemberData(nameof(Breaches))]
    public async Task SendAsync_LimitBroken_RejectsWithReasonAndSendsNothing(string breach, ReplyRejectionReason expected)
    {
        var small = new ReplyAttachment("a.txt", "text/plain", new byte[10]);
        var original = OriginalMessages.Create(m =>
        {
            if (breach == "nofrom")
            {
                m.From.Clear();
                m.From.Add(new MimeKit.MailboxAddress("Broken", "not-an-address"));
            }
        });
        var request = breach switch
        {
            "text" => new ReplyRequest(ReplyKind.Reply, new string('x', 51), [], [], false),
            "count" => new ReplyRequest(ReplyKind.Reply, "x", [small, small, small], [], false),
            "bytes" => new ReplyRequest(ReplyKind.Reply, "x", [new ReplyAttachment("a.bin", "application/octet-stream", new byte[1001])], [], false),
            "recipients" => new ReplyRequest(ReplyKind.Forward, "x", [], ["a@example.com", "b@example.com", "c@example.com", "d@example.com"], false),
            "invalid" => new ReplyRequest(ReplyKind.Forward, "x", [], ["not an address"], false),
            "injection" => new ReplyRequest(ReplyKind.Forward, "x", [], ["a@example.com>\r\nRCPT TO:<b@example.com"], false),
            "none" => new ReplyRequest(ReplyKind.Forward, "x", [], [" "], false),
            "size" => new ReplyRequest(ReplyKind.Forward, "x", [new ReplyAttachment("a.bin", "application/octet-stream", new byte[900])], ["a@example.com"], false),
            _ => new ReplyRequest(ReplyKind.Reply, "x", [], [], false),
        };
        if (breach == "size")
        {
            original.Body = new MimeKit.TextPart("plain") { Text = new string('y', 3000) };
        }

        var error = await Assert.ThrowsAsync<ReplyRejectedException>(() => _harness.Replies.SendAsync(original, Bruno, request, default));

        Assert.Equal(expected, error.Reason);
        Assert.Empty(_harness.Sender.Messages);
    }

    [Fact]
    public async Task SendAsync_NoDisplayName_WrapperShowsReplierAddressAsName()
    {
        await _harness.Replies.SendAsync(OriginalMessages.Create(), Bruno, new ReplyRequest(ReplyKind.Reply, "x", [], [], false), default);

        var (_, inner, wrapper) = await _harness.UnsealAsync(Assert.Single(_harness.Sender.Messages));
        Assert.Equal(OriginalMessages.Replier, wrapper.From.Mailboxes.Single().Name);
        Assert.Equal(ReplyHarness.ServiceAddress, wrapper.From.Mailboxes.Single().Address);
        Assert.Equal("", inner.From.Mailboxes.Single().Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("portal")]
    [InlineData("a b@example.org")]
    public void Options_ServiceAddressMissingOrUnusable_FailValidation(string? serviceAddress)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:Reply:ServiceAddress"] = serviceAddress })
            .Build();
        using var services = new ServiceCollection().AddMailsealPortalReplying(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ReplyOptions>>().Value);
    }
}
