using System.Globalization;
using Mailseal.Protection.Wrapper;

namespace Mailseal.Protection.Tests.Wrapper;

/// <summary>Predictable boundaries and Content-IDs, so a wrapper can be compared with a golden file.</summary>
internal sealed class SequentialMimeIdentifierSource : IMimeIdentifierSource
{
    private int boundaries;
    private int contentIds;

    public string NewBoundary() => "=_test_boundary_" + (++boundaries).ToString(CultureInfo.InvariantCulture);

    public string NewContentId() => "logo." + (++contentIds).ToString(CultureInfo.InvariantCulture) + "@mailseal.test";
}
