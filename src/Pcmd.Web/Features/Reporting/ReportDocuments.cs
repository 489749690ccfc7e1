using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Reporting.Documents;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Reporting;

/// <summary>Words a report as an official document (Nghị định 30/2020/NĐ-CP) and a period as a workbook. The layout is
/// the writers' (<see cref="ReportDocx"/>, <see cref="ReportXlsx"/>); here is what the document says.</summary>
public sealed class ReportDocuments(PcmdDbContext db, ReportFormService forms, ConsolidationService consolidation, OrgUnitTree tree,
    TimeProvider clock)
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary><paramref name="withUnits"/>: the consolidated report lists what each unit wrote under each task (the
    /// city's runs to well over a hundred pages); without it, only the consolidated text.</summary>
    public async Task<(byte[] Content, string FileName)> Docx(UserScope scope, int reportId, CancellationToken ct, bool withUnits = true)
    {
        var form = await forms.Get(scope, reportId, ct);
        if (!withUnits) form = form with { Tasks = form.Tasks.Select(t => t with { Gathered = [] }).ToList() };
        var doc = await Document(form, ct);
        using var ms = new MemoryStream();
        ReportDocx.Write(doc, ms);
        return (ms.ToArray(), FileName(form.IsConsolidated ? "BC-tong-hop" : "BC", form.PeriodTitle, form.AgencyName) + ".docx");
    }

    public async Task<(byte[] Content, string FileName)> Xlsx(UserScope scope, int periodId, CancellationToken ct)
    {
        var period = await db.ReportPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new NotFoundException();
        var matrix = await consolidation.Matrix(scope, period.PlanId, periodId, ct);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Indicators).FirstAsync(p => p.Id == period.PlanId, ct);
        var units = matrix.Units.Where(u => u.Cells[0] is not null).ToList();
        var reportIds = units.Select(u => u.Cells[0]!.ReportId).ToList();
        var accepted = units.Where(u => u.Cells[0]!.Status == ReportStatus.Accepted).Select(u => u.Cells[0]!.ReportId).ToHashSet();
        var values = await db.ReportIndicatorValues.AsNoTracking().Where(v => reportIds.Contains(v.ReportId)).ToListAsync(ct);
        var byKey = values.Where(v => accepted.Contains(v.ReportId)).ToDictionary(v => (v.ReportId, v.IndicatorId));
        var indicators = plan.Indicators.Where(i => i.TargetKind != null).OrderBy(i => i.Position).Select(i =>
        {
            var share = ReportFigures.IsShare(i);
            var cells = reportIds.Select(r => byKey.TryGetValue((r, i.Id), out var v) ? Figure(share, v.Value, v.Denominator) : null).ToList();
            var mine = values.Where(v => v.IndicatorId == i.Id && accepted.Contains(v.ReportId) && v.Value != null).ToList();
            decimal? total = mine.Count == 0 ? null : Figure(share, mine.Sum(v => v.Value), mine.Sum(v => v.Denominator));
            var target = i.TargetFor(Math.Clamp(period.Year, plan.PeriodFrom, plan.PeriodTo));
            return new WorkbookIndicator(i.Number, i.Text, share ? "%" : i.UnitOfMeasure, ReportFigures.TargetText(target, i), cells, total);
        }).ToList();
        var timeliness = units.Select(u => new TimelinessRow(u.Name, u.Cells[0]!.StatusText, period.DueOn, VietnamTime.ToOffset(u.Cells[0]!.SubmittedAt),
            u.Cells[0]!.SubmittedAt is null ? null : u.Cells[0]!.DaysLate)).ToList();
        var wb = new ReportWorkbook($"{period.Title} — {plan.Title}",
            $"Số liệu từ {ReportLabels.Date(period.DataFrom)} đến {ReportLabels.Date(period.DataTo)}; hạn nộp {ReportLabels.Date(period.DueOn)}. "
            + "Chỉ tổng hợp số liệu của báo cáo đã được chấp nhận.", units.Select(u => u.Name).ToList(), indicators, timeliness);
        using var ms = new MemoryStream();
        ReportXlsx.Write(wb, ms);
        return (ms.ToArray(), FileName("Phu-luc", period.Title, "") + ".xlsx");
    }

    /// <summary>A share is written as its per cent, so that a column of shares reads as the plan writes them.</summary>
    static decimal? Figure(bool share, decimal? value, decimal? den) =>
        value is not { } v ? null : !share ? v : den is { } d && d > 0 ? Math.Round(100m * v / d, 1) : null;

    async Task<ReportDocument> Document(ReportForm form, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == form.AgencyId, ct);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Indicators).Include(p => p.ReportSchedule).ThenInclude(s => s.RecipientAgency)
            .FirstAsync(p => p.Id == form.PlanId, ct);
        var unit = await tree.Find(agency.OrgUnitId);
        var province = await Province(agency.OrgUnitId);
        var isCommittee = agency.Kind == AgencyKind.PeoplesCommittee;
        var symbol = Symbol(agency);
        var date = form.SubmittedAt is { } s ? VietnamTime.Day(s) : VietnamTime.Today(clock);
        var about = form.PeriodTitle.StartsWith("Báo cáo ", StringComparison.Ordinal) ? form.PeriodTitle["Báo cáo ".Length..] : form.PeriodTitle;
        // "Kế hoạch" stays capitalised: it names a particular document.
        var subject = $"Kết quả thực hiện {plan.Title} — {about}";
        var sections = new List<ReportSection>
        {
            new("", [$"Thực hiện {(plan.Number is { } n ? $"Kế hoạch số {n} " : "")}{LowerFirst(plan.Title)}, {agency.Name} báo cáo kết quả thực hiện "
                + $"{about} (số liệu từ ngày {ReportLabels.Date(form.DataFrom)} đến ngày {ReportLabels.Date(form.DataTo)}) như sau:"]),
            new("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", form.Tasks.Count == 0 ? ["Không có nhiệm vụ được giao trong kỳ."] : [],
                form.Tasks.Select(TaskSection).ToList()),
            new("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", form.Indicators.Count == 0 ? ["Không có chỉ tiêu được giao."]
                : new[] { $"Kết quả thực hiện {form.Indicators.Count} chỉ tiêu chi tiết tại Phụ lục kèm theo Báo cáo này." }
                  .Concat(form.Indicators.Select(v => $"- Chỉ tiêu {v.Number}: {v.ActualText}" + (v.TargetText.Length > 0 ? $" (kế hoạch: {v.TargetText}; đạt {v.PercentText})" : "") + "."))
                  .ToList()),
        };
        if (form.Questions.Count > 0)
            sections.Add(new("III. NỘI DUNG THEO YÊU CẦU", [], form.Questions.Select(q => new ReportSection($"Câu {q.Index + 1}. {q.Question}", Lines(q.Answer))).ToList()));
        var next = form.Questions.Count > 0 ? 4 : 3;
        sections.Add(new($"{ReportCalendar.Roman(next)}. KHÓ KHĂN, VƯỚNG MẮC", Lines(form.Difficulties)));
        sections.Add(new($"{ReportCalendar.Roman(next + 1)}. ĐỀ XUẤT, KIẾN NGHỊ", Lines(form.Proposals)));
        sections.Add(new("", [$"Trên đây là báo cáo {about} của {agency.Name}./."]));

        var recipientsOf = form.IsConsolidated
            ? new[] { plan.IssuingAgencyId is { } ia && ia != agency.Id ? await Name(ia, ct) : null, "Các cơ quan, đơn vị thành viên" }
            : new[] { plan.ReportSchedule.FirstOrDefault(e => e.Kind == form.Kind)?.RecipientAgency?.Name
                      ?? ((plan.CoordinatingAgencyId ?? plan.IssuingAgencyId) is { } c ? await Name(c, ct) : null) };
        var appendixRows = AppendixRows(plan, form);
        return new ReportDocument(
            isCommittee ? null : unit is null ? null : "UBND " + unit.Name.ToUpper(Vi),
            Expand(agency.Name).ToUpper(Vi), $"Số:        /BC-{symbol}", province, date, "BÁO CÁO", subject, sections,
            recipientsOf.Where(r => r is not null).Select(r => r!).Append($"Lãnh đạo {agency.ShortName ?? agency.Name}").ToList(),
            isCommittee ? "TM. ỦY BAN NHÂN DÂN" : agency.Kind == AgencyKind.Department ? "KT. GIÁM ĐỐC" : "",
            isCommittee ? "CHỦ TỊCH" : agency.Kind == AgencyKind.Department ? "PHÓ GIÁM ĐỐC" : "THỦ TRƯỞNG ĐƠN VỊ", null,
            new IndicatorAppendix($"PHỤ LỤC\nKẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU {about.ToUpper(Vi)}", $"(Kèm theo Báo cáo số       /BC-{symbol} "
                + $"{ReportDocx.DateText(date)} của {agency.Name})", appendixRows));
    }

    ReportSection TaskSection(TaskRow t)
    {
        var paragraphs = t.Progress is null ? new List<string>() : [$"Tình hình thực hiện: {ReportLabels.Progress(t.Progress)}."];
        paragraphs.AddRange(Lines(t.Narrative, empty: false));
        paragraphs.AddRange(t.Gathered.Select(g => $"- {g.Unit}: {g.Text.ReplaceLineEndings(" ")}"));
        return new ReportSection($"Nhiệm vụ {t.Number}: {Short(t.Text)}", paragraphs);
    }

    /// <summary>Phụ lục I's shape: the plan's heading rows above the indicators under them.</summary>
    static List<AppendixRow> AppendixRows(Plans.Plan plan, ReportForm form)
    {
        var reported = form.Indicators.ToDictionary(v => v.IndicatorId);
        var rows = new List<AppendixRow>();
        foreach (var i in plan.Indicators.OrderBy(i => i.Position))
        {
            if (reported.TryGetValue(i.Id, out var v))
                rows.Add(new AppendixRow(v.Number, v.Text, false, v.TargetText, v.ActualText, v.PercentText, v.StatusText, v.Note));
            else if (i.TargetKind is null && form.Indicators.Any(x => x.Number.StartsWith(i.Number + ".", StringComparison.Ordinal)))
                rows.Add(new AppendixRow(i.Number, i.Text, true, "", "", "", "", null));
        }
        return rows;
    }

    async Task<string> Province(int unitId)
    {
        var node = await tree.Find(unitId);
        foreach (var a in await tree.Ancestors(unitId)) if (a.Level == OrgUnitLevel.Province) node = a;
        var name = node?.Name ?? "";
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh " })
            if (name.StartsWith(prefix, StringComparison.Ordinal)) return name[prefix.Length..];
        return name;
    }

    Task<string> Name(int agencyId, CancellationToken ct) => db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).FirstAsync(ct);

    /// <summary>The symbol after "/BC-": the agency's short name without spaces ("SYT", "UBND").</summary>
    static string Symbol(Agency a) => a.Kind == AgencyKind.PeoplesCommittee ? "UBND" : Shared.VietnameseText.Slug(a.ShortName ?? a.Code).Replace("-", "").ToUpperInvariant();
    static string Expand(string name) => name.StartsWith("UBND ", StringComparison.Ordinal) ? "Ủy ban nhân dân " + name[5..] : name;
    static string LowerFirst(string s) => s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLower(s[0], Vi) + s[1..] : s;
    static string Short(string s) => s.Length <= 160 ? s : s[..157].TrimEnd() + "…";
    static List<string> Lines(string? text, bool empty = true) => string.IsNullOrWhiteSpace(text)
        ? (empty ? ["Không."] : [])
        : text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();

    static string FileName(string kind, string period, string agency) =>
        string.Join("-", new[] { kind, Shared.VietnameseText.Slug(period), Shared.VietnameseText.Slug(agency) }.Where(s => s.Length > 0));
}
