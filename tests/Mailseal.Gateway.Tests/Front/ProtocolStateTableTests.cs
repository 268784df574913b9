using Mailseal.Gateway.Front;

namespace Mailseal.Gateway.Tests.Front;

public sealed class ProtocolStateTableTests
{
    [Theory]
    [InlineData("Connected", "Mail", FrontProtocol.Smtp, false)]
    [InlineData("Greeted", "Mail", FrontProtocol.Smtp, true)]
    [InlineData("Mail", "Mail", FrontProtocol.Smtp, false)]
    [InlineData("Mail", "Data", FrontProtocol.Smtp, false)]
    [InlineData("Rcpt", "Data", FrontProtocol.Lmtp, true)]
    [InlineData("Connected", "Lhlo", FrontProtocol.Lmtp, true)]
    [InlineData("Connected", "Ehlo", FrontProtocol.Lmtp, false)]
    [InlineData("Connected", "Lhlo", FrontProtocol.Smtp, false)]
    [InlineData("Greeted", "Auth", FrontProtocol.Submission, true)]
    [InlineData("Greeted", "Auth", FrontProtocol.Smtp, false)]
    [InlineData("Mail", "Auth", FrontProtocol.Submission, false)]
    [InlineData("Connected", "StartTls", FrontProtocol.Smtp, false)]
    [InlineData("Greeted", "StartTls", FrontProtocol.Smtp, true)]
    public void Find_StateAndVerb_AllowsOnlyWhatTheProtocolAllows(string state, string verb, FrontProtocol protocol, bool allowed)
    {
        Assert.Equal(allowed, ProtocolStateTable.Find(Enum.Parse<SessionState>(state), Enum.Parse<SmtpVerb>(verb), protocol) is not null);
    }

    [Fact]
    public void Find_Transitions_LeadWhereTheProtocolGoes()
    {
        Assert.Equal(SessionState.Greeted, ProtocolStateTable.Find(SessionState.Connected, SmtpVerb.Ehlo, FrontProtocol.Smtp)!.Next);
        Assert.Equal(SessionState.Mail, ProtocolStateTable.Find(SessionState.Greeted, SmtpVerb.Mail, FrontProtocol.Smtp)!.Next);
        Assert.Equal(SessionState.Rcpt, ProtocolStateTable.Find(SessionState.Mail, SmtpVerb.Rcpt, FrontProtocol.Smtp)!.Next);
        Assert.Equal(SessionState.Greeted, ProtocolStateTable.Find(SessionState.Rcpt, SmtpVerb.Data, FrontProtocol.Smtp)!.Next);
        Assert.Equal(SessionState.Connected, ProtocolStateTable.Find(SessionState.Greeted, SmtpVerb.StartTls, FrontProtocol.Smtp)!.Next);
        Assert.Equal(SessionState.Greeted, ProtocolStateTable.Find(SessionState.Rcpt, SmtpVerb.Rset, FrontProtocol.Smtp)!.Next);
        Assert.Null(ProtocolStateTable.Find(SessionState.Connected, SmtpVerb.Rset, FrontProtocol.Smtp)!.Next);
    }

    [Theory]
    [InlineData("Quit")]
    [InlineData("Noop")]
    [InlineData("Rset")]
    [InlineData("Vrfy")]
    [InlineData("Help")]
    public void Find_AlwaysAllowedVerbs_AreInEveryState(string verbName)
    {
        var verb = Enum.Parse<SmtpVerb>(verbName);
        foreach (var state in Enum.GetValues<SessionState>())
        {
            foreach (var protocol in Enum.GetValues<FrontProtocol>())
            {
                Assert.NotNull(ProtocolStateTable.Find(state, verb, protocol));
            }
        }
    }

    [Theory]
    [InlineData("Bdat", FrontProtocol.Smtp, false)]
    [InlineData("Auth", FrontProtocol.Lmtp, false)]
    [InlineData("Auth", FrontProtocol.Submission, true)]
    [InlineData("Helo", FrontProtocol.Lmtp, false)]
    public void IsImplemented_VerbAndProtocol_MatchesTheTable(string verb, FrontProtocol protocol, bool expected)
    {
        Assert.Equal(expected, ProtocolStateTable.IsImplemented(Enum.Parse<SmtpVerb>(verb), protocol));
    }
}
