namespace Mailseal.Protection.Wrapper;

/// <summary>Supplies MIME boundaries and Content-IDs; tests pass a deterministic one for golden files.</summary>
public interface IMimeIdentifierSource
{
    /// <summary>A boundary that cannot occur in the parts' encoded content.</summary>
    string NewBoundary();

    /// <summary>A Content-ID without angle brackets, e.g. <c>logo.1234@mailseal</c>.</summary>
    string NewContentId();
}
