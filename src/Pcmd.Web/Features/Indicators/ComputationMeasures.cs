using System.Globalization;
using System.Text.RegularExpressions;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Targets;

namespace Pcmd.Web.Features.Indicators;

/// <summary>What a count computation counts, so that an indicator is bound only to a computation that measures what its
/// target speaks of: "180 vụ án" to a count of criminal cases, "500 lượt người" to a count of people (issue 16, item 7).</summary>
public enum Counted { Unknown, Cases, Defendants, People, Establishments, Inspections, Hotspots, Tips, Money }

/// <summary>Whether a computation fits an indicator: a percentage target needs a share, any other target a count, and a
/// count of the thing the indicator's unit of measure names. A unit of measure PCMD does not recognise ("đội", "mô hình")
/// or a computation whose counted thing is not listed here (a later source) is not judged: only a clear mismatch is
/// refused.</summary>
public static partial class ComputationMeasures
{
    public static Counted CountOf(Computation c) => c switch
    {
        Computation.CriminalCasesDetected or Computation.CriminalCasesTried => Counted.Cases,
        Computation.DefendantsTried => Counted.Defendants,
        Computation.PeopleInformed or Computation.ReachedResidents or Computation.ReachedMigrantWorkers or Computation.ReachedHighSchoolStudents
            or Computation.ReachedUniversityStudents or Computation.ReachedVocationalStudents or Computation.ReachedEstablishmentOwners
            or Computation.ReachedEstablishmentWorkers or Computation.TrainedCityStaff or Computation.TrainedLocalStaff
            or Computation.OutreachContacts or Computation.PeopleReferred or Computation.PeopleSanctioned or Computation.SellersSanctioned => Counted.People,
        Computation.EstablishmentsInspected or Computation.CommitmentCount => Counted.Establishments,
        Computation.InspectionCount => Counted.Inspections,
        Computation.HotspotsEliminated or Computation.HotspotsReEmerged or Computation.NewHotspots => Counted.Hotspots,
        Computation.TipsReceived => Counted.Tips,
        Computation.FinesTotal => Counted.Money,
        _ => Counted.Unknown,
    };

    // The words of the units of measure in the seeds' and demo plans' indicator tables, most specific first.
    static readonly (Regex Words, Counted[] Things)[] Units =
    [
        (Words("bị cáo"), [Counted.Defendants]),
        (Words("vụ án|vụ việc|vụ"), [Counted.Cases]),
        (Words("lượt người|người|đối tượng|học sinh|sinh viên|phụ nữ|cán bộ|chủ cơ sở|lao động"), [Counted.People]),
        (Words("cơ sở"), [Counted.Establishments, Counted.Inspections]),
        (Words("tụ điểm|điểm"), [Counted.Hotspots]),
        (Words("tin báo|tin"), [Counted.Tips]),
        (Words("nghìn đồng|triệu đồng|đồng"), [Counted.Money]),
        (Words("lượt"), [Counted.Inspections, Counted.People]),
    ];

    static Regex Words(string alternatives) => new($@"(?<!\w)({alternatives})(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The things a unit of measure names; empty when PCMD does not recognise it (then any count fits).</summary>
    public static IReadOnlyCollection<Counted> Things(string? unitOfMeasure)
    {
        if (string.IsNullOrWhiteSpace(unitOfMeasure)) return [];
        foreach (var (words, things) in Units)
            if (words.IsMatch(unitOfMeasure)) return things;
        return [];
    }

    public static bool Fits(TargetKind? kind, string? unitOfMeasure, Computation c)
    {
        if (kind is null) return true;
        if (kind is TargetKind.Percentage or TargetKind.AtLeastOnce || unitOfMeasure?.Trim() == "%") return IndicatorComputations.IsShare(c);
        if (IndicatorComputations.IsShare(c)) return false;
        var things = Things(unitOfMeasure);
        var counted = CountOf(c);
        return things.Count == 0 || counted == Counted.Unknown || things.Contains(counted);
    }

    /// <summary>The message refusing <paramref name="c"/> for the indicator, listing the computations that fit; null when it fits.</summary>
    public static string? Refusal(Indicator i, Computation c)
    {
        if (Fits(i.TargetKind, i.UnitOfMeasure, c)) return null;
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var fitting = Enum.GetValues<Computation>().Where(x => Fits(i.TargetKind, i.UnitOfMeasure, x))
            .Select(x => $"{Code(x)} ({IndicatorLabels.Computation(x, vi)})").ToList();
        var what = i.TargetKind is TargetKind.Percentage or TargetKind.AtLeastOnce
            ? "Chỉ tiêu tính theo tỷ lệ (%) cần một cách tính tỷ lệ"
            : $"Chỉ tiêu đếm số {(string.IsNullOrWhiteSpace(i.UnitOfMeasure) ? "lượng" : "\"" + i.UnitOfMeasure.Trim() + "\"")} cần một cách tính đếm đúng đối tượng đó";
        return $"Cách tính {Code(c)} ({IndicatorLabels.Computation(c, vi)}) không đo được chỉ tiêu {i.Number}. {what}. "
            + (fitting.Count == 0 ? "Chưa có cách tính nào phù hợp." : "Các cách tính phù hợp: " + string.Join("; ", fitting) + ".");
    }

    public static string Code(Computation c) { var n = c.ToString(); return char.ToLowerInvariant(n[0]) + n[1..]; }
}
