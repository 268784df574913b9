using Mailseal.Core.Administration;

namespace Mailseal.Admin.Api.Bodies;

internal sealed record SetUserBody(string Address, OrganizationUserChange Change);
