using Mailseal.Core.Branding;
using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Mailseal.Delivery;
using Mailseal.Portal.Replying;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Mailseal.Portal.Tests.Replying;

public sealed class ReplyServiceTests : IAsyncLifetime
{
    private static readonly Replier Bruno = new(OriginalMessages.Replier, "Bruno Ñúñez");

    private ReplyHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ReplyHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task SendAsync_Reply_SealsInnerReplyFromReplierToSenderOnly()
    {
        var attachment = new ReplyAttachment("../answers.pdf", "application/pdf", "%PDF-1.7 answers"u8.ToArray());
        var outcome = await _harness.Replies.SendAsync(
            OriginalMessages.Create(), Bruno, new ReplyRequest(ReplyKind.Reply, "Thanks, Ada.\nSee attached.", [attachment], [], false), default);

        var sent = Assert.Single(_harness.Sender.Messages);
        Assert.True(outcome.AllAccepted);
        Assert.Equal(ReplyHarness.ServiceAddress, sent.Sender);
        Assert.Equal(["ada@example.org"], sent.Recipients);
        var (license, inner, wrapper) = await _harness.UnsealAsync(sent);

        Assert.Equal(OriginalMessages.Replier, Assert.Single(inner.From.Mailboxes).Address);
        Assert.Equal("Bruno Ñúñez", inner.From.Mailboxes.Single().Name);
        Assert.Equal(["ada@example.org"], inner.To.Mailboxes.Select(m => m.Address));
        Assert.Empty(inner.Cc);
        Assert.Equal("Re: Quarterly figures", inner.Subject);
        Assert.Equal("original.1@example.org", inner.InReplyTo);
        Assert.Equal(["first.0@example.org", "original.1@example.org"], inner.References);
        Assert.Equal(outcome.MessageId, inner.MessageId);
        Assert.EndsWith("@example.org", inner.MessageId, StringComparison.Ordinal);
        Assert.NotEqual("original.1@example.org", inner.MessageId);
        Assert.Equal("Thanks, Ada.\nSee attached.", inner.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
        var file = Assert.IsType<MimePart>(Assert.Single(inner.Attachments));
        Assert.Equal("answers.pdf", file.FileName);
        Assert.Equal("%PDF-1.7 answers"u8.ToArray(), Decoded(file));

        Assert.Equal(await _harness.ExpectedHashesAsync(license, "ada@example.org"), ReplyHarness.HashesOf(license));
        Assert.Equal(OriginalMessages.Replier, license.Sender);
        Assert.Equal(outcome.Submissions.Single().EnvelopeId, license.EnvelopeIdHex);
        Assert.Equal($"<{inner.MessageId}>", license.OriginalMessageId);

        var wrapperFrom = Assert.Single(wrapper.From.Mailboxes);
        Assert.Equal(ReplyHarness.ServiceAddress, wrapperFrom.Address);
        Assert.Equal("Bruno Ñúñez", wrapperFrom.Name);
        Assert.Null(wrapper.Sender);
        Assert.Equal("Re: Quarterly figures", wrapper.Subject);
    }

    [Fact]
    public async Task SendAsync_ReplyToWithReplyAll_AddsOtherRecipientsButNeverBccNorReplier()
    {
        var original = OriginalMessages.Create(m =>
        {
            m.ReplyTo.Add(new MailboxAddress("Desk", "desk@example.org"));
            m.Cc.Add(new MailboxAddress("Bruno again", "BRUNO@Example.NET"));
            m.Subject = "RE: Re: AW: Quarterly figures";
        });

        await _harness.Replies.SendAsync(original, Bruno, new ReplyRequest(ReplyKind.ReplyAll, "All good.", [], [], false), default);

        var sent = Assert.Single(_harness.Sender.Messages);
        var (license, inner, _) = await _harness.UnsealAsync(sent);
        Assert.Equal(["desk@example.org"], inner.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["chloe@example.net", "dev@example.org"], inner.Cc.Mailboxes.Select(m => m.Address));
        Assert.Empty(inner.Bcc);
        Assert.Equal("Re: Quarterly figures", inner.Subject);
        Assert.Equal(["desk@example.org", "chloe@example.net", "dev@example.org"], sent.Recipients);
        Assert.Equal(await _harness.ExpectedHashesAsync(license, "desk@example.org", "chloe@example.net", "dev@example.org"), ReplyHarness.HashesOf(license));
    }

    [Fact]
    public async Task SendAsync_ForwardWithCopy_NewEnvelopesForForwardeesAndReplierAlone()
    {
        var outcome = await _harness.Replies.SendAsync(
            OriginalMessages.Create(), Bruno,
            new ReplyRequest(ReplyKind.Forward, "For your files.", [], ["Eve <eve@example.com>", "frank@example.com"], true), default);

        Assert.Equal(2, _harness.Sender.Messages.Count);
        Assert.Equal([false, true], outcome.Submissions.Select(s => s.IsCopyToReplier));
        var (license, inner, _) = await _harness.UnsealAsync(_harness.Sender.Messages[0]);
        Assert.Equal(["eve@example.com", "frank@example.com"], inner.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Fw: Quarterly figures", inner.Subject);
        Assert.Equal(await _harness.ExpectedHashesAsync(license, "eve@example.com", "frank@example.com"), ReplyHarness.HashesOf(license));
        var forwarded = Assert.IsType<MessagePart>(Assert.Single(inner.BodyParts.OfType<MessagePart>()));
        Assert.Equal("original.1@example.org", forwarded.Message!.MessageId);
        Assert.Empty(forwarded.Message.Bcc);
        Assert.DoesNotContain("hidden@example.org", System.Text.Encoding.UTF8.GetString(Inner(forwarded.Message)), StringComparison.OrdinalIgnoreCase);
        var pdf = Assert.Single(forwarded.Message.Attachments.OfType<MimePart>());
        Assert.Equal("%PDF-1.4 original"u8.ToArray(), Decoded(pdf));

        var copy = _harness.Sender.Messages[1];
        Assert.Equal([OriginalMessages.Replier], copy.Recipients);
        var (copyLicense, copyInner, _) = await _harness.UnsealAsync(copy);
        Assert.Equal(await _harness.ExpectedHashesAsync(copyLicense, OriginalMessages.Replier), ReplyHarness.HashesOf(copyLicense));
        Assert.Equal(inner.MessageId, copyInner.MessageId);
        Assert.NotEqual(license.EnvelopeIdHex, copyLicense.EnvelopeIdHex);
    }

    [Fact]
    public async Task SendAsync_RecipientsOfDifferentTemplates_OneEnvelopePerTemplateInRepliersLanguage()
    {
        await _harness.Services.GetRequiredService<IOmeConfigurationStore>().UpsertAsync(new OmeConfiguration("Legal", EmailText: "Legal notice"));
        await _harness.AddRuleAsync(new TransportRule
        {
            Name = "Legal to Chloé",
            Conditions = [RulePredicate.Of("SentTo", "chloe@example.net")],
            Actions = new RuleActions { ApplyOme = true, ApplyOmeBrandingTemplate = "Legal" },
        });
        await _harness.AddUserAsync(new OrganizationUser { Address = OriginalMessages.Replier, Language = "de" });

        await _harness.Replies.SendAsync(OriginalMessages.Create(), Bruno, new ReplyRequest(ReplyKind.ReplyAll, "Hallo.", [], [], false), default);

        var licenses = new List<(IReadOnlyList<string> Recipients, Protection.Envelope.License License)>();
        foreach (var sent in _harness.Sender.Messages)
        {
            licenses.Add((sent.Recipients, (await _harness.UnsealAsync(sent)).License));
        }

        Assert.Equal(2, licenses.Count);
        Assert.Equal(["ada@example.org", "dev@example.org"], licenses[0].Recipients);
        Assert.Equal(OmeConfiguration.DefaultIdentity, licenses[0].License.BrandingTemplate);
        Assert.Equal(["chloe@example.net"], licenses[1].Recipients);
        Assert.Equal("Legal", licenses[1].License.BrandingTemplate);
        Assert.All(licenses, l => Assert.Equal("de", l.License.Language));
    }

    [Fact]
    public async Task SendAsync_RuleRejects_ThrowsAndSendsNothing()
    {
        await _harness.AddRuleAsync(new TransportRule
        {
            Name = "No mail to dev",
            Conditions = [RulePredicate.Of("SentTo", "dev@example.org")],
            Actions = new RuleActions { RejectMessageReasonText = "Not here" },
        });

        var error = await Assert.ThrowsAsync<ReplyRejectedException>(() =>
            _harness.Replies.SendAsync(OriginalMessages.Create(), Bruno, new ReplyRequest(ReplyKind.ReplyAll, "x", [], [], false), default));

        Assert.Equal(ReplyRejectionReason.RejectedByRule, error.Reason);
        Assert.Empty(_harness.Sender.Messages);
    }

    [Fact]
    public async Task SendAsync_RuleRejectsReplierWithoutCopy_StillSends()
    {
        await _harness.AddRuleAsync(new TransportRule
        {
            Name = "No mail to Bruno",
            Conditions = [RulePredicate.Of("SentTo", OriginalMessages.Replier)],
            Actions = new RuleActions { RejectMessageReasonText = "Not to Bruno" },
        });

        await _harness.Replies.SendAsync(OriginalMessages.Create(), Bruno, new ReplyRequest(ReplyKind.Reply, "x", [], [], false), default);
        var error = await Assert.ThrowsAsync<ReplyRejectedException>(() =>
            _harness.Replies.SendAsync(OriginalMessages.Create(), Bruno, new ReplyRequest(ReplyKind.Reply, "x", [], [], true), default));

        Assert.Single(_harness.Sender.Messages);
        Assert.Equal(ReplyRejectionReason.RejectedByRule, error.Reason);
    }

    [Fact]
    public async Task SendAsync_GatewayRefuses_OutcomeSaysSo()
    {
        _harness.Sender.Answer = DeliveryStatus.TransientFailure;

        var outcome = await _harness.Replies.SendAsync(OriginalMessages.Create(), Bruno, new ReplyRequest(ReplyKind.Reply, "x", [], [], false), default);

        Assert.False(outcome.AllAccepted);
    }

    private static byte[] Decoded(MimePart part)
    {
        using var output = new MemoryStream();
        part.Content!.DecodeTo(output);
        return output.ToArray();
    }

    private static byte[] Inner(MimeMessage message)
    {
        using var output = new MemoryStream();
        message.WriteTo(output);
        return output.ToArray();
    }
}
