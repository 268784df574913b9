using System.Security.Cryptography;
using Mailseal.Testing;

namespace Mailseal.Cli.Tests;

public sealed class SpillingSpoolTests : IDisposable
{
    private const int Limit = 4096;

    private readonly TempDirectory _directory = new();
    private int _filesOpened;

    [Fact]
    public async Task Write_WithinTheLimit_StaysInMemoryAndReadsBack()
    {
        var content = RandomNumberGenerator.GetBytes(Limit);
        await using var spool = NewSpool();

        await spool.WriteAsync(content.AsMemory(0, 1000));
        await spool.WriteAsync(content.AsMemory(1000));
        spool.Position = 0;
        var read = new byte[Limit];
        await spool.ReadExactlyAsync(read);

        Assert.Equal(content, read);
        Assert.False(spool.IsOnFile);
        Assert.Equal(0, _filesOpened);
        Assert.Equal(0, await spool.ReadAsync(new byte[1]));
    }

    [Fact]
    public async Task Write_PastTheLimit_MovesToItsFileKeepingContentAndPosition()
    {
        var content = RandomNumberGenerator.GetBytes(3 * Limit);
        await using var spool = NewSpool();

        await spool.WriteAsync(content.AsMemory(0, Limit - 10));
        await spool.WriteAsync(content.AsMemory(Limit - 10));
        Assert.True(spool.IsOnFile);
        Assert.Equal(content.Length, spool.Position);
        Assert.Equal(content.Length, spool.Length);

        spool.Position = 5;
        var read = new byte[content.Length - 5];
        await spool.ReadExactlyAsync(read);
        Assert.Equal(content.AsSpan(5).ToArray(), read);
        Assert.Equal(1, _filesOpened);
    }

    [Fact]
    public async Task CopyToAsync_FromTheMiddle_CopiesTheRestAndEndsAtTheEnd()
    {
        var content = RandomNumberGenerator.GetBytes(1000);
        await using var spool = NewSpool();
        spool.Write(content);
        spool.Position = 200;

        using var copy = new MemoryStream();
        await spool.CopyToAsync(copy);

        Assert.Equal(content.AsSpan(200).ToArray(), copy.ToArray());
        Assert.Equal(content.Length, spool.Position);
    }

    [Fact]
    public async Task Dispose_OnFile_LeavesNothingInTheFolder()
    {
        await using (var spool = NewSpool())
        {
            spool.Write(RandomNumberGenerator.GetBytes(2 * Limit));
            Assert.True(spool.IsOnFile);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory.Path));
        Assert.Equal(1, _filesOpened);
    }

    [Fact]
    public void Use_AfterDispose_Throws()
    {
        var spool = NewSpool();
        spool.Dispose();

        Assert.Throws<ObjectDisposedException>(() => spool.Write([1]));
        Assert.Throws<ObjectDisposedException>(() => spool.Position = 0);
        Assert.False(spool.CanRead);
    }

    [Fact]
    public void Seek_BeforeTheStart_Throws()
    {
        using var spool = NewSpool();

        Assert.Throws<IOException>(() => spool.Seek(-1, SeekOrigin.Begin));
    }

    /// <summary>
    /// Random writes, seeks, reads and truncations on the spool and on a MemoryStream give the same bytes, the same
    /// positions and the same lengths, whether the spool is still in memory or already on its file.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task AnySequenceOfOperations_BehavesLikeAMemoryStream(int seed)
    {
#pragma warning disable CA5394 // Seeded on purpose: a failing sequence must replay.
        var random = new Random(seed);
        await using var spool = NewSpool();
        using var model = new MemoryStream();
        for (var step = 0; step < 400; step++)
        {
            switch (random.Next(5))
            {
                case 0 or 1:
                    var bytes = new byte[random.Next(0, Limit / 3)];
                    random.NextBytes(bytes);
                    await spool.WriteAsync(bytes);
                    model.Write(bytes);
                    break;
                case 2:
                    var target = random.Next(0, (int)model.Length + 100);
                    spool.Seek(target, SeekOrigin.Begin);
                    model.Seek(target, SeekOrigin.Begin);
                    break;
                case 3:
                    var expected = new byte[random.Next(0, Limit)];
                    var actual = new byte[expected.Length];
                    var expectedCount = model.ReadAtLeast(expected, expected.Length, throwOnEndOfStream: false);
                    var actualCount = await spool.ReadAtLeastAsync(actual, actual.Length, throwOnEndOfStream: false);
                    Assert.Equal(expectedCount, actualCount);
                    Assert.Equal(expected, actual);
                    break;
                default:
                    if (random.Next(8) == 0)
                    {
                        var length = random.Next(0, (int)model.Length + 50);
                        spool.SetLength(length);
                        model.SetLength(length);
                    }

                    break;
            }

            Assert.Equal(model.Position, spool.Position);
            Assert.Equal(model.Length, spool.Length);
        }
#pragma warning restore CA5394

        spool.Position = 0;
        using var all = new MemoryStream();
        await spool.CopyToAsync(all);
        Assert.Equal(model.ToArray(), all.ToArray());
    }

    public void Dispose() => _directory.Dispose();

    private SpillingSpool NewSpool() => new(Limit, () =>
    {
        _filesOpened++;
        return CliFiles.CreateSpool(_directory.Path);
    });
}
