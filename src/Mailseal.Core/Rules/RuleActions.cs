using System.Text.Json.Serialization;

namespace Mailseal.Core.Rules;

/// <summary>What a matching Enforce rule does, with Exchange's action names. Unset members do nothing.</summary>
public sealed record RuleActions
{
    /// <summary>The status code a rejection uses when the rule names none.</summary>
    public const string DefaultRejectStatusCode = "5.7.1";

    /// <summary>Seal the message for this recipient.</summary>
    [JsonPropertyName("applyOME")]
    public bool ApplyOme { get; init; }

    /// <summary>The branding template (OME configuration) of the wrapper; null means "OME Configuration".</summary>
    [JsonPropertyName("applyOMEBrandingTemplate")]
    public string? ApplyOmeBrandingTemplate { get; init; }

    /// <summary>Unseal an envelope of this organisation.</summary>
    [JsonPropertyName("removeOME")]
    public bool RemoveOme { get; init; }

    [JsonPropertyName("setHeaderName")]
    public string? SetHeaderName { get; init; }

    [JsonPropertyName("setHeaderValue")]
    public string? SetHeaderValue { get; init; }

    [JsonPropertyName("prependSubject")]
    public string? PrependSubject { get; init; }

    /// <summary>Reject the message for this recipient with this text.</summary>
    [JsonPropertyName("rejectMessageReasonText")]
    public string? RejectMessageReasonText { get; init; }

    /// <summary>5.7.x; <see cref="DefaultRejectStatusCode"/> when null.</summary>
    [JsonPropertyName("rejectMessageEnhancedStatusCode")]
    public string? RejectMessageEnhancedStatusCode { get; init; }

    public static RuleActions None { get; } = new();
}
