using Mailseal.Protection.Envelope;

namespace Mailseal.Protection.Tests.Envelope;

/// <summary>The recipient test vectors of docs/envelope-format.md.</summary>
public sealed class RecipientVectorTests
{
    private static readonly byte[] Secret = WorkedExample.Sequence(0x00, 32);

    [Fact]
    public void Normalize_DocumentedVectors_GiveTheDocumentedNormalForms()
    {
        var vectors = FormatDocument.RecipientVectors();

        Assert.True(vectors.Count >= 10);
        Assert.All(vectors, vector => Assert.Equal(vector.NormalForm, RecipientAddress.Normalize(vector.Address)));
    }

    [Fact]
    public void Hash_DocumentedVectors_GiveTheDocumentedHashes()
    {
        var vectors = FormatDocument.RecipientVectors();

        Assert.True(vectors.Count >= 10);
        Assert.All(vectors, vector => Assert.Equal(vector.Hash, Convert.ToHexStringLower(RecipientHasher.Hash(vector.Address, Secret))));
    }

    [Fact]
    public void Vectors_IncludeADecomposedLocalPart()
    {
        Assert.Contains(FormatDocument.RecipientVectors(), vector => vector.Address.Contains('\u0301', StringComparison.Ordinal));
    }
}
