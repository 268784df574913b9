namespace Mailseal.Admin.Api.Bodies;

internal sealed record AuditLogBody(int Limit = 50, DateTimeOffset? Since = null);
