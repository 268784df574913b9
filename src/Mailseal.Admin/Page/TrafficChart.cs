using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Mailseal.Core.Tracking;

namespace Mailseal.Admin.Page;

/// <summary>
/// A rule's messages per day as an SVG of stacked bars, one colour per action, drawn on the server: no script,
/// no style sheet (presentation attributes only, which the page's policy allows).
/// </summary>
internal static class TrafficChart
{
    public const int Width = 720;
    public const int Height = 170;
    private const int Left = 40;
    private const int Top = 10;
    private const int Bottom = 24;

    /// <summary>The actions in drawing order, with their colour and label.</summary>
    public static readonly IReadOnlyList<(TrafficAction Action, string Colour, string Label)> Series =
    [
        (TrafficAction.Sealed, "#1f4e79", "sealed"),
        (TrafficAction.Unsealed, "#2e8b57", "unsealed"),
        (TrafficAction.Audited, "#c98a00", "audited"),
        (TrafficAction.Rejected, "#9b1c1c", "rejected"),
        (TrafficAction.PassedUnsealed, "#8a94a3", "passed unsealed"),
    ];

    public static string Render(RuleTraffic rule, IReadOnlyList<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(days);
        var html = HtmlEncoder.Default;
        var max = Math.Max(1, days.Max(rule.DayTotal));
        var plotHeight = Height - Top - Bottom;
        var slot = (double)(Width - Left) / Math.Max(1, days.Count);
        var barWidth = Math.Max(2, slot * 0.7);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-label=\"Messages per day for {html.Encode(rule.RuleName)}\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width}\" y2=\"{Top + plotHeight}\" stroke=\"#8a94a3\"/>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{Left - 6}\" y=\"{Top + 10}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4a5563\">{max}</text>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{Left - 6}\" y=\"{Top + plotHeight}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4a5563\">0</text>");
        for (var i = 0; i < days.Count; i++)
        {
            var x = Left + (i * slot) + ((slot - barWidth) / 2);
            double y = Top + plotHeight;
            foreach (var (action, colour, label) in Series)
            {
                var count = rule.Counts.GetValueOrDefault((days[i], action));
                if (count == 0)
                {
                    continue;
                }

                var height = (double)count / max * plotHeight;
                y -= height;
                var day = days[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar\" data-day=\"{day}\" data-action=\"{label}\" data-count=\"{count}\" x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{barWidth:0.##}\" height=\"{height:0.##}\" fill=\"{colour}\">");
                svg.Append(CultureInfo.InvariantCulture, $"<title>{day} {label}: {count}</title></rect>");
            }

            if (i == 0 || i == days.Count - 1 || days.Count <= 8)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{x + (barWidth / 2):0.##}\" y=\"{Height - 6}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#4a5563\">{days[i]:MM-dd}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }
}
