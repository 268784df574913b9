using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailseal.Cli;

/// <summary>The one JSON form of `--json` output: camelCase, enums as names, indented.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));
}
