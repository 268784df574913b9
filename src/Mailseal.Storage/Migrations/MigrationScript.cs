namespace Mailseal.Storage.Migrations;

/// <summary>One numbered schema change, e.g. <c>0002_sessions.sql</c> as version 2, "sessions".</summary>
internal sealed record MigrationScript(int Version, string Description, string Sql);
