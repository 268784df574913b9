namespace Mailseal.Storage.Database;

/// <summary>A named parameter of a statement, <c>@Name</c> in its text.</summary>
internal readonly record struct StatementParameter(string Name, object Value);
