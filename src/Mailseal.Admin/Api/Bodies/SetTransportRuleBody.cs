using Mailseal.Core.Administration;

namespace Mailseal.Admin.Api.Bodies;

internal sealed record SetTransportRuleBody(string Identity, TransportRuleChange Change);
