using Mailseal.Testing;

namespace Mailseal.Cli.Tests;

public sealed class CliFilesTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task CreateSpool_WhileOpen_HasNoNameInTheFolderYetReadsBackWhatWasWritten()
    {
        // A gateway killed mid-message must leave no plaintext behind (FaultTests kills one for real).
        var content = "Subject: spooled\r\n\r\nconfidential\r\n"u8.ToArray();

        await using (var spool = CliFiles.CreateSpool(_directory.Path))
        {
            Assert.Empty(Directory.EnumerateFileSystemEntries(_directory.Path));
            await spool.WriteAsync(content);
            spool.Position = 0;
            var read = new byte[content.Length];
            await spool.ReadExactlyAsync(read);
            Assert.Equal(content, read);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory.Path));
    }

    public void Dispose() => _directory.Dispose();
}
