namespace Mailseal.Testing.Organization;

/// <summary>Configuration documents (docs/configuration-document.md) the end-to-end tests import, as an operator would.</summary>
public static class OrganizationDocuments
{
    /// <summary>
    /// example.org is the organisation: mail leaving it is sealed (ApplyOME); envelopes coming back to it, such as a
    /// portal reply, are unsealed and delivered as the plain inner message (RemoveOME).
    /// </summary>
    public const string SealOutsideUnsealInside = """
        {
          "version": 2,
          "acceptedDomains": [ { "domainName": "example.org" } ],
          "rules": [
            { "name": "Encrypt mail to outside", "priority": 0,
              "conditions": [ { "name": "SentToScope", "values": [ "NotInOrganization" ] } ],
              "actions": { "applyOME": true } },
            { "name": "Decrypt replies for us", "priority": 1,
              "conditions": [ { "name": "SentToScope", "values": [ "InOrganization" ] } ],
              "actions": { "removeOME": true } }
          ]
        }
        """;
}
