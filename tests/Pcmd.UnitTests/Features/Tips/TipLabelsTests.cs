using System.Globalization;
using System.Resources;
using Pcmd.Web;
using Pcmd.Web.Features.Enforcement.Pages;
using Pcmd.Web.Features.Tips;

namespace Pcmd.UnitTests.Features.Tips;

/// <summary>Tip codes read in Vietnamese where services word them (problems, the public API) and in the reader's language on
/// pages; every code has a text in both languages, as do the sanction and case codes.</summary>
public class TipLabelsTests
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public void Services_get_Vietnamese_and_pages_the_culture_asked()
    {
        Assert.Equal("Đã giao xử lý", TipLabels.State(TipState.Assigned));
        Assert.Equal("Assigned", TipLabels.State(TipState.Assigned, En));
        Assert.Equal("Đã kết thúc", TipLabels.Public(PublicStatus.Closed));
        Assert.Equal("Closed", TipLabels.Public(PublicStatus.Closed, En));
        Assert.Equal("Chưa phân loại", TipLabels.Kind(null, Vi));
        Assert.Equal("Not classified", TipLabels.Kind(null, En));
        Assert.Equal("", TipLabels.Outcome(null, En));
        Assert.Equal("", TipLabels.Relevance(null, Vi));
    }

    [Fact]
    public void Every_code_has_a_Vietnamese_and_a_different_English_text()
    {
        var texts = new List<(string Code, string Vi, string En)>();
        void Add<T>(Func<T, CultureInfo, string> label) where T : struct, Enum
        {
            foreach (var v in Enum.GetValues<T>()) texts.Add(($"{typeof(T).Name}.{v}", label(v, Vi), label(v, En)));
        }
        Add<TipState>(TipLabels.State);
        Add<TipChannel>(TipLabels.Channel);
        Add<TipCategory>(TipLabels.Category);
        Add<TipKind>((k, c) => TipLabels.Kind(k, c));
        Add<TipRelevance>((r, c) => TipLabels.Relevance(r, c));
        Add<TipOutcome>((o, c) => TipLabels.Outcome(o, c));
        Add<PublicStatus>(TipLabels.Public);
        var strings = new ResourceManager("Pcmd.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        string Key(string key, CultureInfo c) => strings.GetString(key, c) ?? "";
        Add<Pcmd.Web.Features.Enforcement.SanctionTarget>((t, c) => Key(EnforcementLabels.Target(t), c));
        Add<Pcmd.Web.Features.Inspections.SanctionKind>((k, c) => Key(EnforcementLabels.Kind(k), c));
        Add<Pcmd.Web.Features.Enforcement.CriminalCharge>((ch, c) => Key(EnforcementLabels.Charge(ch), c));

        var missing = texts.Where(t => string.IsNullOrWhiteSpace(t.Vi) || string.IsNullOrWhiteSpace(t.En) || t.Vi == t.En
            || t.Vi.StartsWith("Tips.") || t.En.StartsWith("Tips.")).Select(t => t.Code).ToList();
        Assert.True(missing.Count == 0, "codes without both texts: " + string.Join(", ", missing));
    }
}
