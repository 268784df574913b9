namespace Mailseal.Cli.Tests.Postfix;

/// <summary>The Postfix tests share one Postfix instance (<see cref="PostfixFixture"/>) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostfixTests : ICollectionFixture<PostfixFixture>
{
    public const string Name = "Postfix";
}
