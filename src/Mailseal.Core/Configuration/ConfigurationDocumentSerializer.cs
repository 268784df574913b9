using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailseal.Core.Configuration;

/// <summary>Reads and writes the configuration document strictly: unknown members and newer versions are errors.</summary>
public static class ConfigurationDocumentSerializer
{
    /// <summary>A document is small; anything larger is not one.</summary>
    public const int MaxDocumentBytes = 64 * 1024 * 1024;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
        RespectNullableAnnotations = true,
    };

    public static async Task<ConfigurationDocument> ReadAsync(Stream json, CancellationToken cancellationToken = default)
    {
        ConfigurationDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<ConfigurationDocument>(json, Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new ConfigurationDocumentException($"The configuration document is not valid: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new ConfigurationDocumentException("The configuration document is empty.");
        }

        if (document.Version < 1 || document.Version > ConfigurationDocument.CurrentVersion)
        {
            throw new ConfigurationDocumentException(
                $"The configuration document has version {document.Version}; this Mailseal reads versions 1 to {ConfigurationDocument.CurrentVersion}.");
        }

        return document;
    }

    public static Task WriteAsync(ConfigurationDocument document, Stream output, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(output, document, Options, cancellationToken);
}
