namespace Mailseal.PowerShell.Tests;

/// <summary>The tests that share one running admin API server (each uses names of its own).</summary>
[CollectionDefinition(Name)]
public sealed class AdminApiTests : ICollectionFixture<AdminApiServer>
{
    public const string Name = "admin API";
}
