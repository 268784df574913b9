namespace Mailseal.Core.Organization;

/// <summary>How the organisation holds an accepted domain; every type counts as "in the organisation".</summary>
public enum AcceptedDomainType
{
    Authoritative,
    InternalRelay,
    ExternalRelay,
}
