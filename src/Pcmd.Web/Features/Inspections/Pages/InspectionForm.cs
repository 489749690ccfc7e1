using System.Globalization;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Inspections.Pages;

/// <summary>What the inspection form posts, kept as typed so that a refused save shows it again. One sanction is edited
/// on the page; further ones (recorded through the API) are kept as they are.</summary>
public sealed class InspectionForm
{
    public int TeamId { get; set; }
    public int Version { get; set; }
    public string? EstablishmentId { get; set; }
    public string? Date { get; set; }
    public InspectionKind Kind { get; set; } = InspectionKind.Planned;
    public string? Reason { get; set; }
    public string? ReasonNote { get; set; }
    public string? Findings { get; set; }
    public string? OwnersInformed { get; set; } = "0";
    public string? WorkersInformed { get; set; } = "0";
    public string? FollowUpOfId { get; set; }
    public string? InspectionPlanItemId { get; set; }
    public HashSet<int> MemberIds { get; set; } = [];
    public HashSet<int> ViolationIds { get; set; } = [];
    public string? SanctionKind { get; set; }
    public string? Amount { get; set; }
    public string? DecreeId { get; set; }
    public string? LegalBasis { get; set; }
    public string? Measures { get; set; }
    public Dictionary<int, string?> ViolationNotes { get; set; } = [];
    public List<SanctionInput> OtherSanctions { get; set; } = [];

    public static InspectionForm From(InspectionDto d)
    {
        var first = d.Sanctions.FirstOrDefault();
        return new InspectionForm
        {
            TeamId = d.TeamId, Version = d.Version, EstablishmentId = Text(d.EstablishmentId), Date = DateInput.Text(d.Date), Kind = d.Kind,
            Reason = d.Reason?.ToString(), ReasonNote = d.ReasonNote, Findings = d.Findings, OwnersInformed = Text(d.OwnersInformed),
            WorkersInformed = Text(d.WorkersInformed), FollowUpOfId = Text(d.FollowUpOfId), InspectionPlanItemId = Text(d.InspectionPlanItemId),
            MemberIds = d.Members.Select(m => m.TeamMemberId).ToHashSet(), ViolationIds = d.Violations.Select(v => v.ViolationTypeId).ToHashSet(),
            ViolationNotes = d.Violations.ToDictionary(v => v.ViolationTypeId, v => v.Note),
            SanctionKind = first?.Kind.ToString(), Amount = first?.Amount is { } a ? Money(a) : null, DecreeId = Text(first?.DecreeId),
            LegalBasis = first?.LegalBasis, Measures = first?.Measures,
            OtherSanctions = d.Sanctions.Skip(1).Select(s => new SanctionInput(s.Kind, s.Amount, s.DecreeId, s.LegalBasis, s.Measures)).ToList(),
        };
    }

    /// <summary>The posted fields; what the page does not edit (notes of violations, further sanctions) comes from <paramref name="before"/>.</summary>
    public static InspectionForm FromPost(IFormCollection f, InspectionForm before)
    {
        string? Field(string name) => f[name].FirstOrDefault() is { } v && !string.IsNullOrWhiteSpace(v) ? v.Replace("\r\n", "\n") : null;
        HashSet<int> Ids(string name) => f[name].Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0)
            .Where(i => i > 0).ToHashSet();
        return new InspectionForm
        {
            TeamId = int.TryParse(Field("TeamId"), out var t) ? t : before.TeamId,
            Version = int.TryParse(Field("Version"), out var v) ? v : -1,
            EstablishmentId = Field("EstablishmentId"), Date = Field("Date"),
            Kind = Enum.TryParse<InspectionKind>(Field("Kind"), out var k) && Enum.IsDefined(k) ? k : InspectionKind.Planned,
            Reason = Field("Reason"), ReasonNote = Field("ReasonNote"), Findings = Field("Findings"),
            OwnersInformed = Field("OwnersInformed"), WorkersInformed = Field("WorkersInformed"),
            FollowUpOfId = Field("FollowUpOfId"), InspectionPlanItemId = Field("InspectionPlanItemId"),
            MemberIds = Ids("MemberIds"), ViolationIds = Ids("ViolationIds"),
            SanctionKind = Field("SanctionKind"), Amount = Field("Amount"), DecreeId = Field("DecreeId"),
            LegalBasis = Field("LegalBasis"), Measures = Field("Measures"),
            ViolationNotes = before.ViolationNotes, OtherSanctions = before.OtherSanctions,
        };
    }

    /// <summary>The service's input; what cannot even be read (a date, a number) is refused here, at the same paths as the API.</summary>
    public InspectionInput ToInput()
    {
        var errors = new ErrorList();
        var date = DateInput.Optional(Date, "date", errors);
        var owners = Count(OwnersInformed, "ownersInformed", errors);
        var workers = Count(WorkersInformed, "workersInformed", errors);
        UnannouncedReason? reason = Enum.TryParse<UnannouncedReason>(Reason, out var r) && Enum.IsDefined(r) ? r : null;
        var sanctions = new List<SanctionInput>();
        var amount = ParseMoney(Amount, "sanctions[0].amount", errors);
        var decree = int.TryParse(DecreeId, out var d) ? d : (int?)null;
        if (Enum.TryParse<SanctionKind>(SanctionKind, out var sk) && Enum.IsDefined(sk))
            sanctions.Add(new SanctionInput(sk, amount, decree, LegalBasis, Measures));
        else if (Amount is not null || decree is not null || LegalBasis is not null || Measures is not null)
            errors.Add("sanctions[0].kind", "Hãy chọn hình thức xử phạt (hoặc xóa số tiền, nghị định, biện pháp đã nhập).");
        sanctions.AddRange(OtherSanctions);
        errors.ThrowIfAny();
        return new InspectionInput(int.TryParse(EstablishmentId, out var e) ? e : 0, TeamId, date, Kind, reason, ReasonNote, Findings,
            owners, workers, int.TryParse(FollowUpOfId, out var f) ? f : null, int.TryParse(InspectionPlanItemId, out var p) ? p : null,
            MemberIds.ToList(), ViolationIds.Select(id => new ViolationInput(id, ViolationNotes.GetValueOrDefault(id))).ToList(), sanctions, Version);
    }

    static int Count(string? text, string path, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(path, $"'{text.Trim()}' không phải là số người.");
        return 0;
    }

    /// <summary>An amount in đồng as people write it: "1.500.000", "1 500 000", "1500000 đ".</summary>
    public static decimal? ParseMoney(string? text, string path, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().ToLowerInvariant().Replace("đồng", "").Replace("đ", "").Replace(".", "").Replace(" ", "").Replace("\u00a0", "");
        if (t.Length > 0 && t.Length <= 15 && t.All(char.IsAsciiDigit)) return decimal.Parse(t, CultureInfo.InvariantCulture);
        errors.Add(path, $"Số tiền '{text.Trim()}' không đúng: ghi số đồng, ví dụ 1.500.000.");
        return null;
    }

    public static bool IsPostOf(HttpContext? http, string formName) =>
        http is not null && HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType && http.Request.Form["_handler"] == formName;

    public static string Money(decimal amount) => ViFormat.Number(amount);

    static string? Text(int? n) => n?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the inspection form offers, loaded through the services so that it stays within the user's scope.</summary>
public sealed class InspectionChoices
{
    public required TeamDto Team { get; init; }
    public List<EstablishmentOption> Establishments { get; init; } = [];
    public bool MoreEstablishments { get; init; }
    public List<ViolationTypeDto> ViolationTypes { get; init; } = [];
    public List<DecreeDto> Decrees { get; init; } = [];
    public List<(int Id, DateOnly Date)> History { get; init; } = [];
    public DateOnly Today { get; init; }

    /// <summary>Active members, and those the record names even if they have left the team since.</summary>
    public IEnumerable<TeamMemberDto> Members(ISet<int> chosen) => Team.Members.Where(m => m.IsActive || chosen.Contains(m.Id));

    public static async Task<InspectionChoices> Load(UserScope scope, InspectionQueries queries, InspectionAccess access, TeamDto team,
        InspectionForm form, string? search, int? self = null)
    {
        var establishment = int.TryParse(form.EstablishmentId, out var e) ? e : (int?)null;
        var (options, more) = await queries.EstablishmentOptions(scope, team.OrgUnitId, search, establishment);
        var history = establishment is { } id && options.Any(o => o.Id == id)
            ? (await queries.History(scope, id)).Where(h => h.Id != self).ToList() : [];
        return new InspectionChoices
        {
            Team = team, Establishments = options, MoreEstablishments = more, History = history, Today = access.Today(),
            ViolationTypes = await queries.ViolationTypes(form.ViolationIds), Decrees = await queries.Decrees(),
        };
    }
}
