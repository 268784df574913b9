using Mailseal.Core.Configuration;

namespace Mailseal.Admin.Api.Bodies;

internal sealed record ImportBody(ConfigurationDocument Document, bool DryRun = false);
