using System.Data.Common;
using Mailseal.Portal.PassCodes;
using Mailseal.Storage;
using Microsoft.Data.Sqlite;

namespace Mailseal.Portal.Tests.PassCodes;

public sealed class PassCodeServiceTests
{
    private const string Bob = PassCodeHarness.Bob;

    [Fact]
    public async Task VerifyAsync_WrongCodes_LockAfterFiveWithGrowingBackoffThatLifts()
    {
        await using var harness = await PassCodeHarness.StartAsync();
        var license = await harness.SealAsync(Bob);
        await harness.RequestAsync(license, Bob);
        var code = PassCodeHarness.CodeIn(await harness.WaitForMailAsync(Bob));
        var wrong = code == "12345678" ? "87654321" : "12345678";
        var start = harness.Time.GetUtcNow();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(PassCodeOutcome.Rejected, (await harness.VerifyAsync(license, Bob, wrong)).Outcome);
        }

        var firstLock = await harness.VerifyAsync(license, Bob, wrong);
        Assert.Equal(new PassCodeCheck(PassCodeOutcome.Locked, start.AddMinutes(1)), firstLock);
        // While locked even the right code is not looked at.
        Assert.Equal(PassCodeOutcome.Locked, (await harness.VerifyAsync(license, Bob, code)).Outcome);

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(PassCodeOutcome.Rejected, (await harness.VerifyAsync(license, Bob, wrong)).Outcome);
        }

        var secondLock = await harness.VerifyAsync(license, Bob, wrong);
        Assert.Equal(new PassCodeCheck(PassCodeOutcome.Locked, start.AddMinutes(1 + 5)), secondLock);

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(PassCodeOutcome.Accepted, (await harness.VerifyAsync(license, Bob, code)).Outcome);
    }

    [Fact]
    public async Task VerifyAsync_ConcurrentWrongCodes_NoMoreThanTheLimitAreChecked()
    {
        await using var harness = await PassCodeHarness.StartAsync();
        var license = await harness.SealAsync(Bob);

        var checks = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            harness.VerifyAsync(license, Bob, (10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // Four are answered Rejected, the fifth sets the lock, the rest find it set.
        Assert.Equal(4, checks.Count(c => c.Outcome == PassCodeOutcome.Rejected));
        Assert.Equal(8, checks.Count(c => c.Outcome == PassCodeOutcome.Locked));
    }

    [Fact]
    public async Task VerifyAsync_TenThousandGuessesOverResends_NeverAcceptedAndLockedLongBefore()
    {
        await using var harness = await PassCodeHarness.StartAsync(new Dictionary<string, string?>
        {
            // Resends as often as the attacker likes: only the attempt limits stand in the way.
            ["Portal:PassCodes:SendsPerAddress"] = "100000",
            ["Portal:PassCodes:SendsPerClient"] = "100000",
        });
        var license = await harness.SealAsync(Bob);
        var outcomes = new Dictionary<PassCodeOutcome, int>();
        var firstLock = -1;
        var guesses = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 10_000; i++)
        {
            if (i % 250 == 0)
            {
                await harness.RequestAsync(license, Bob, preSession: $"attacker-{i}");
            }

            if (i % 100 == 99)
            {
                harness.Time.Advance(TimeSpan.FromMinutes(1));
            }

            var guess = (i * 7919).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            guesses.Add(guess);
            var outcome = (await harness.VerifyAsync(license, Bob, guess, $"attacker-{i / 250 * 250}")).Outcome;
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (outcome == PassCodeOutcome.Locked && firstLock < 0)
            {
                firstLock = i;
            }
        }

        Assert.False(outcomes.ContainsKey(PassCodeOutcome.Accepted));
        Assert.Equal(4, firstLock);
        // About 100 minutes of one UTC day: at most 100 guesses were ever compared with a code.
        Assert.InRange(outcomes.GetValueOrDefault(PassCodeOutcome.Rejected), 1, 100);
        Assert.Empty(harness.EightDigitRunsInLogs().Intersect(guesses));
    }

    [Fact]
    public async Task VerifyAsync_HundredAttemptsInADay_LockedUntilTheNextDayThenAllowedAgain()
    {
        await using var harness = await PassCodeHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Portal:PassCodes:FailuresBeforeLock"] = "10",
            ["Portal:PassCodes:LockBackoffs:0"] = "00:00:01",
        });
        var license = await harness.SealAsync(Bob);
        var start = harness.Time.GetUtcNow();

        for (var i = 0; i < 100; i++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(2));
            Assert.NotEqual(PassCodeOutcome.Accepted, (await harness.VerifyAsync(license, Bob, "00000001")).Outcome);
        }

        harness.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(new PassCodeCheck(PassCodeOutcome.Locked, start.AddDays(1)), await harness.VerifyAsync(license, Bob, "00000001"));
        harness.Time.Advance(start.AddDays(1) - harness.Time.GetUtcNow());
        Assert.Equal(PassCodeOutcome.Rejected, (await harness.VerifyAsync(license, Bob, "00000001")).Outcome);
    }

    [Fact]
    public async Task RequestAsync_Resend_CancelsThePreviousCode()
    {
        await using var harness = await PassCodeHarness.StartAsync();
        var license = await harness.SealAsync(Bob);

        await harness.RequestAsync(license, Bob);
        var first = PassCodeHarness.CodeIn(await harness.WaitForMailAsync(Bob, 1));
        await harness.RequestAsync(license, Bob);
        var second = PassCodeHarness.CodeIn(await harness.WaitForMailAsync(Bob, 2));

        Assert.NotEqual(first, second);
        Assert.Equal(PassCodeOutcome.Rejected, (await harness.VerifyAsync(license, Bob, first)).Outcome);
        Assert.Equal(PassCodeOutcome.Accepted, (await harness.VerifyAsync(license, Bob, second)).Outcome);
    }

    [Fact]
    public async Task VerifyAsync_AfterTenMinutes_CodeExpired()
    {
        await using var harness = await PassCodeHarness.StartAsync();
        var license = await harness.SealAsync(Bob);
        await harness.RequestAsync(license, Bob);
        var code = PassCodeHarness.CodeIn(await harness.WaitForMailAsync(Bob));

        harness.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(PassCodeOutcome.Rejected, (await harness.VerifyAsync(license, Bob, code)).Outcome);
    }

    [Fact]
    public async Task VerifyAsync_OtherPreSessionEnvelopeOrAddress_Rejected()
    {
        await using var harness = await PassCodeHarness.StartAsync();
        var license = await harness.SealAsync(Bob, PassCodeHarness.Carol);
        var otherEnvelope = await harness.SealAsync(Bob, PassCodeHarness.Carol);
        await harness.RequestAsync(license, Bob, preSession: "mine");
        var code = PassCodeHarness.CodeIn(await harness.WaitForMailAsync(Bob));

        Assert.Equal(PassCodeOutcome.Rejected, (await harness.VerifyAsync(license, Bob, code, preSession: "someone-elses")).Outcome);
        Assert.Equal(PassCodeOutcome.Rejected, (await harness.VerifyAsync(otherEnvelope, Bob, code, preSession: "mine")).Outcome);
        Assert.Equal(PassCodeOutcome.Rejected, (await harness.VerifyAsync(license, PassCodeHarness.Carol, code, preSession: "mine")).Outcome);
        Assert.Equal(PassCodeOutcome.Accepted, (await harness.VerifyAsync(license, "  BOB@Example.NET ", $"{code[..4]} {code[4..]}", preSession: "mine")).Outcome);
    }

    [Fact]
    public async Task RequestAsync_RecipientAndNonRecipient_SameAnswerAndSameStoreWrites()
    {
        await using var harness = await PassCodeHarness.StartAsync();
        var license = await harness.SealAsync(Bob);

        var before = await SnapshotAsync(harness);
        var stranger = await harness.RequestAsync(license, PassCodeHarness.Stranger, client: "198.51.100.7");
        var afterStranger = await SnapshotAsync(harness);
        var recipient = await harness.RequestAsync(license, Bob, client: "198.51.100.8");
        var afterRecipient = await SnapshotAsync(harness);
        await harness.WaitForMailAsync(Bob);

        Assert.Equal((stranger.Reference.Length, stranger.RateLimited, stranger.RetryAfter),
            (recipient.Reference.Length, recipient.RateLimited, recipient.RetryAfter));
        Assert.Equal(Difference(before, afterStranger), Difference(afterStranger, afterRecipient));
        Assert.Empty(harness.MailsTo(PassCodeHarness.Stranger));
        Assert.Single(harness.MailsTo(Bob));
    }

    [Fact]
    public async Task RequestAsync_SendLimits_PerAddressAndPerClient()
    {
        await using var harness = await PassCodeHarness.StartAsync();
        var license = await harness.SealAsync(Bob);
        var windowEnd = harness.Time.GetUtcNow().AddHours(1);

        for (var i = 0; i < 5; i++)
        {
            Assert.False((await harness.RequestAsync(license, PassCodeHarness.Stranger, client: $"203.0.113.{i}")).RateLimited);
        }

        Assert.Equal(new PassCodeIssue("", true, windowEnd), await harness.RequestAsync(license, PassCodeHarness.Stranger, client: "203.0.113.99"));

        // One client asking for many addresses: 20 per hour, then refused; an IPv6 /64 counts as one client.
        for (var i = 0; i < 20; i++)
        {
            Assert.False((await harness.RequestAsync(license, $"user{i}@example.net", client: $"2001:db8::{i + 1}")).RateLimited);
        }

        Assert.True((await harness.RequestAsync(license, "user99@example.net", client: "2001:db8::ffff")).RateLimited);
        Assert.False((await harness.RequestAsync(license, "user99@example.net", client: "2001:db8:1::1")).RateLimited);

        harness.Time.Advance(TimeSpan.FromHours(1));
        Assert.False((await harness.RequestAsync(license, PassCodeHarness.Stranger, client: "203.0.113.99")).RateLimited);
    }

    // Row counts and the byte lengths of every value in the pass-code tables: what a request writes, minus its random contents.
    private static async Task<Dictionary<string, (long Rows, long Bytes)>> SnapshotAsync(PassCodeHarness harness)
    {
        await using DbConnection connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(harness.DataDirectory, StorageOptions.SqliteFileName),
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        var snapshot = new Dictionary<string, (long, long)>();
        foreach (var (table, columns) in new[]
        {
            ("passcode_codes", "subject_hash, code_hash"),
            ("passcode_attempts", "subject_hash"),
            ("passcode_send_counts", "limit_key, sends"),
        })
        {
            await using var command = connection.CreateCommand();
            var lengths = string.Join(" + ", columns.Split(", ").Select(c => $"length({c})"));
            command.CommandText = $"SELECT count(*), coalesce(sum({lengths}), 0) FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            snapshot[table] = (reader.GetInt64(0), reader.GetInt64(1));
        }

        return snapshot;
    }

    private static string Difference(Dictionary<string, (long Rows, long Bytes)> before, Dictionary<string, (long Rows, long Bytes)> after) =>
        string.Join("; ", after.Select(t => $"{t.Key}: {t.Value.Rows - before[t.Key].Rows} rows, {t.Value.Bytes - before[t.Key].Bytes} bytes"));
}
