using System.Management.Automation;
using Mailseal.Core.Administration;
using Mailseal.Core.Rules;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>
/// The parameters New- and Set-TransportRule share, with Exchange's names: every condition and exception (dynamic,
/// from the rules' catalogue), the actions, priority, mode and dates. A parameter not given is unchanged (Set) or
/// takes its default (New); a text action given as "" is cleared.
/// </summary>
public abstract class TransportRuleChangeCmdlet : MailsealCmdlet, IDynamicParameters
{
    private readonly TransportRulePredicateParameters _predicates = new();

    /// <summary>0 runs first; the rules from there on move down by one.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? Priority { get; set; }

    [Parameter]
    public RuleMode? Mode { get; set; }

    [Parameter]
    public bool? Enabled { get; set; }

    [Parameter]
    [AllowEmptyString]
    public string? Comments { get; set; }

    [Parameter]
    public DateTime? ActivationDate { get; set; }

    [Parameter]
    public DateTime? ExpiryDate { get; set; }

    [Parameter]
    public bool? StopRuleProcessing { get; set; }

    [Parameter]
    [Alias("ApplyRightsProtectionMessage")]
    public bool? ApplyOME { get; set; }

    /// <summary>The OME configuration of the wrapper mail; "" for "OME Configuration".</summary>
    [Parameter]
    [Alias("ApplyRightsProtectionCustomizationTemplate")]
    [AllowEmptyString]
    public string? ApplyOMEBrandingTemplate { get; set; }

    [Parameter]
    public bool? RemoveOME { get; set; }

    [Parameter]
    [AllowEmptyString]
    public string? SetHeaderName { get; set; }

    [Parameter]
    [AllowEmptyString]
    public string? SetHeaderValue { get; set; }

    [Parameter]
    [AllowEmptyString]
    public string? PrependSubject { get; set; }

    [Parameter]
    [AllowEmptyString]
    public string? RejectMessageReasonText { get; set; }

    [Parameter]
    [AllowEmptyString]
    public string? RejectMessageEnhancedStatusCode { get; set; }

    public object GetDynamicParameters() => _predicates.Dictionary;

    /// <summary>The change the bound parameters describe; <paramref name="name"/> is the rule's (new) name.</summary>
    protected TransportRuleChange Change(string? name) => new()
    {
        Name = name,
        Priority = Priority,
        Mode = Mode,
        State = Enabled is { } enabled ? (enabled ? RuleState.Enabled : RuleState.Disabled) : null,
        Comments = Comments,
        ActivationDate = Utc(ActivationDate),
        ExpiryDate = Utc(ExpiryDate),
        StopRuleProcessing = StopRuleProcessing,
        Predicates = _predicates.Given(),
        ApplyOme = ApplyOME,
        ApplyOmeBrandingTemplate = ApplyOMEBrandingTemplate,
        RemoveOme = RemoveOME,
        SetHeaderName = SetHeaderName,
        SetHeaderValue = SetHeaderValue,
        PrependSubject = PrependSubject,
        RejectMessageReasonText = RejectMessageReasonText,
        RejectMessageEnhancedStatusCode = RejectMessageEnhancedStatusCode,
    };

    /// <summary>A date typed without a zone is local time, as PowerShell reads it everywhere else.</summary>
    private static DateTimeOffset? Utc(DateTime? value) => value is { } date
        ? new DateTimeOffset(date.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(date, DateTimeKind.Local) : date).ToUniversalTime()
        : null;
}
