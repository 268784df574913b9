using Mailseal.Core.Administration;

namespace Mailseal.Admin.Api.Bodies;

internal sealed record SetOmeConfigurationBody(string Identity, SetOmeConfigurationRequest Request);
