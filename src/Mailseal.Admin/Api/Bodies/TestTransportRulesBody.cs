namespace Mailseal.Admin.Api.Bodies;

/// <summary>Test-TransportRule: the message (.eml bytes, base64 in JSON) and its envelope.</summary>
internal sealed record TestTransportRulesBody(byte[] Message, string Sender, IReadOnlyList<string> Recipients);
