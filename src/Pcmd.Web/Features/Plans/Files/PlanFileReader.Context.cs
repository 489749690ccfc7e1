using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans.Files;

public sealed partial class PlanFileReader
{
    /// <summary>What the reader needs to resolve codes, loaded once per file.</summary>
    sealed class Context
    {
        public required ErrorList Errors { get; init; }
        public required OrgUnitTree Tree { get; init; }
        public required Dictionary<string, int> Agencies { get; init; }
        public required List<(string Code, string Name)> AgencyNames { get; init; }
        public int From { get; set; }
        public int To { get; set; }
        public bool PeriodOk { get; set; }
        public DateOnly ReferenceDay => new(PeriodOk ? From : Math.Clamp(From, 1900, 2200), 1, 1);

        static async Task<List<(int Id, string Code, string Name)>> LoadAgencies(PcmdDbContext db, CancellationToken ct) =>
            (await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct)).Select(a => (a.Id, a.Code, a.Name)).ToList();

        static Context New(ErrorList errors, OrgUnitTree tree, List<(int Id, string Code, string Name)> agencies) => new()
        {
            Errors = errors, Tree = tree, Agencies = agencies.ToDictionary(a => a.Code, a => a.Id), AgencyNames = agencies.Select(a => (a.Code, a.Name)).ToList(),
        };

        /// <summary>For one part of a stored plan: its period is already checked.</summary>
        public static async Task<Context> ForPlan(PcmdDbContext db, OrgUnitTree tree, Plan plan, ErrorList errors, CancellationToken ct)
        {
            var c = New(errors, tree, await LoadAgencies(db, ct));
            (c.From, c.To, c.PeriodOk) = (plan.PeriodFrom, plan.PeriodTo, true);
            return c;
        }

        public static async Task<Context> Load(PcmdDbContext db, OrgUnitTree tree, PlanFileDto p, ErrorList errors, CancellationToken ct)
        {
            var c = New(errors, tree, await LoadAgencies(db, ct));
            c.From = p.Period?.From ?? 0;
            c.To = p.Period?.To ?? 0;
            if (p.Period?.From is null) errors.Add("plan.period.from", "Thiếu năm bắt đầu của kế hoạch.");
            else if (c.From is < 1990 or > 2100) errors.Add("plan.period.from", $"Năm bắt đầu {c.From} không hợp lệ (1990–2100).");
            if (p.Period?.To is null) errors.Add("plan.period.to", "Thiếu năm kết thúc của kế hoạch.");
            else if (c.To is < 1990 or > 2100) errors.Add("plan.period.to", $"Năm kết thúc {c.To} không hợp lệ (1990–2100).");
            else if (p.Period?.From is not null && c.To < c.From)
                errors.Add("plan.period.to", $"Năm kết thúc ({c.To}) trước năm bắt đầu ({c.From}).");
            c.PeriodOk = c.From is >= 1990 and <= 2100 && c.To >= c.From && c.To <= 2100;
            return c;
        }

        public int? Agency(string? code, string path, bool required = false)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                if (required) Errors.Add(path, "Thiếu mã cơ quan.");
                return null;
            }
            if (Agencies.TryGetValue(code, out var id)) return id;
            Errors.Add(path, $"Không có cơ quan mã '{code}' trong danh mục cơ quan." + CodeSuggestions.Hint(CodeSuggestions.Closest(code, null, AgencyNames)));
            return null;
        }

        /// <summary>An org unit by code, resolved on the plan's reference day; <paramref name="nameHint"/> (an appendix row's
        /// name as printed) helps suggest the right code when this one is unknown.</summary>
        public async Task<int?> Unit(string? code, string path, bool required = false, string? nameHint = null)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                if (required) Errors.Add(path, "Thiếu mã đơn vị hành chính.");
                return null;
            }
            var node = await Tree.Resolve(code, ReferenceDay);
            if (node is not null) return node.Id;
            var valid = (await Tree.All()).Where(n => (n.ValidFrom is null || n.ValidFrom <= ReferenceDay) && (n.ValidTo is null || ReferenceDay <= n.ValidTo))
                .Select(n => (n.Code, n.Name));
            Errors.Add(path, $"Không có đơn vị hành chính mã '{code}' còn hiệu lực ngày {ViFormat.Date(ReferenceDay)}."
                + CodeSuggestions.Hint(CodeSuggestions.Closest(code, nameHint, valid)));
            return null;
        }

        public T? Enum<T>(string? code, string path, string what, bool required = true) where T : struct, System.Enum
        {
            if (string.IsNullOrEmpty(code))
            {
                if (required) Errors.Add(path, $"Thiếu {what}.");
                return null;
            }
            if (FileCodes.TryParse<T>(code, out var v)) return v;
            Errors.Add(path, $"Giá trị '{code}' không hợp lệ cho {what}; chỉ nhận: {FileCodes.Allowed<T>()}.");
            return null;
        }

        public string Text(string? value, string path, string what)
        {
            if (string.IsNullOrWhiteSpace(value)) Errors.Add(path, $"Thiếu {what}.");
            return value ?? "";
        }

        public bool InPeriod(int year) => !PeriodOk || (year >= From && year <= To);
    }
}
