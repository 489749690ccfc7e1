using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.WorkCalendar;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Tips;

public sealed partial class TipService
{
    /// <summary>Records a tip taken in by staff: received by the user's unit (and agency), in state "received".</summary>
    public async Task<Tip> Create(UserScope scope, TipInput input, CancellationToken ct = default)
    {
        if (!TipAccess.CanRecord(scope)) throw new ForbiddenException();
        var errors = new ErrorList();
        if (input.Channel is null) errors.Add("channel", "Chọn kênh tiếp nhận.");
        else if (input.Channel == TipChannel.PublicPortal) errors.Add("channel", "Tin qua cổng công khai do người dân tự gửi; chọn kênh khác.");
        else if (!Enum.IsDefined(input.Channel.Value)) errors.Add("channel", "Kênh tiếp nhận không hợp lệ.");
        if (input.Channel is TipChannel.Agency or TipChannel.Press && string.IsNullOrWhiteSpace(input.PassedOnBy))
            errors.Add("passedOnBy", "Ghi cơ quan, tờ báo đã chuyển tin.");
        TipRules.Length(errors, "passedOnBy", input.PassedOnBy, TipRules.MaxPassedOnBy, "Tên cơ quan chuyển tin");
        var now = clock.GetUtcNow();
        if (input.ReceivedAt is { } at && at > now.AddMinutes(5)) errors.Add("receivedAt", "Thời điểm tiếp nhận không thể ở tương lai.");
        await ValidateSubstance(input.Category, input.OrgUnitId, input.Place, input.Latitude, input.Longitude, input.OccurredOn, input.Description, errors, ct);
        TipRules.Length(errors, "reporterName", input.ReporterName, TipRules.MaxName, "Họ tên người cung cấp tin");
        TipRules.Length(errors, "reporterContact", input.ReporterContact, TipRules.MaxContact, "Cách liên hệ");
        TipRules.Length(errors, "identifyingDetails", input.IdentifyingDetails, TipRules.MaxIdentifying, "Chi tiết nhận diện người cung cấp tin");
        await ValidateLinks(scope, input.EstablishmentId, input.HotspotId, null, errors, ct);
        errors.ThrowIfAny();

        var received = (input.ReceivedAt ?? now).UtcDateTime;
        var tip = new Tip
        {
            Code = await FreeCode(ct), Channel = input.Channel!.Value, ReceivedAt = received, ReceivedBy = scope.UserName,
            ReceivingUnitId = scope.OrgUnitId ?? (await RootOf(input.OrgUnitId!.Value)), ReceivingAgencyId = scope.AgencyId,
            PassedOnBy = TipRules.Clean(input.PassedOnBy), EstablishmentId = input.EstablishmentId, HotspotId = input.HotspotId,
            Anonymous = input.Anonymous && string.IsNullOrWhiteSpace(input.ReporterName) && string.IsNullOrWhiteSpace(input.ReporterContact),
            ReporterName = TipRules.Clean(input.ReporterName), ReporterContact = TipRules.Clean(input.ReporterContact),
            IdentifyingDetails = TipRules.Clean(input.IdentifyingDetails),
        };
        FillSubstance(tip, input.Category, input.OrgUnitId, input.Place, input.Latitude, input.Longitude, input.OccurredOn, input.Description);
        Received(tip, received, scope.UserName, await workDays.Current(ct));
        db.Tips.Add(tip);
        await db.SaveChangesAsync(ct);
        return tip;
    }

    /// <summary>The first step of every tip, and its first deadline.</summary>
    internal static void Received(Tip tip, DateTime at, string? by, WorkDays? calendar = null)
    {
        tip.State = TipState.Received;
        tip.Steps.Add(new TipStep { State = TipState.Received, At = at, By = by });
        tip.NextDueOn = NextDue(tip, calendar);
    }

    /// <summary>Moves the tip one step along, checked against the order and the step's requirements, in one save.</summary>
    public async Task<Tip> Step(UserScope scope, int id, TipStepInput input, CancellationToken ct = default)
    {
        var tip = await Load(scope, id, ct);
        if (!scope.IsGlobal && !TipAccess.IsIntake(scope)) throw audit.Denied(nameof(Tip), id, new ForbiddenException());
        if (input.State is not { } target || !Enum.IsDefined(target)) throw ValidationException.One("state", "Chọn bước xử lý.");
        if (!TipAccess.CanAct(scope, tip, target)) throw audit.Denied(nameof(Tip), id, new ForbiddenException());
        if (tip.Version != input.Version) throw new ConflictException();
        if (TipWorkflow.Problem(tip.State, tip.Relevance, target) is { } order) throw new ConflictException(order);

        var errors = new ErrorList();
        TipRules.Length(errors, "note", input.Note, TipRules.MaxNote, "Ghi chú");
        TipRules.Length(errors, "messageToReporter", input.MessageToReporter, TipRules.MaxMessage, "Lời nhắn cho người báo tin");
        TipRules.Length(errors, "publicResult", input.PublicResult, TipRules.MaxPublicResult, "Kết quả công khai");
        switch (target)
        {
            case TipState.Classified:
                if (input.Kind is null || !Enum.IsDefined(input.Kind.Value)) errors.Add("kind", "Chọn loại tin: tin báo vi phạm, tố giác tội phạm, tố cáo, khiếu nại hay phản ánh.");
                if (input.Relevance is null || !Enum.IsDefined(input.Relevance.Value)) errors.Add("relevance", "Chọn: có liên quan, không liên quan hay trùng tin khác.");
                else if (input.Relevance == TipRelevance.Duplicate) await ValidateDuplicate(scope, tip, input.DuplicateOfId, errors, ct);
                else if (input.DuplicateOfId is not null) errors.Add("duplicateOfId", "Chỉ tin trùng mới chỉ đến tin gốc.");
                break;
            case TipState.Assigned:
                await ValidateAssignment(scope, input.AssignedUnitId, input.AssignedAgencyId, errors, ct);
                break;
            case TipState.Handled:
                if (input.Outcome is null || !Enum.IsDefined(input.Outcome.Value)) errors.Add("outcome", "Chọn kết quả xử lý.");
                else if (input.Outcome == TipOutcome.Inspected && input.InspectionId is null)
                    errors.Add("inspectionId", "Kết quả \"đã kiểm tra\" phải chọn biên bản kiểm tra.");
                await ValidateLinks(scope, input.EstablishmentId, input.HotspotId, input.InspectionId, errors, ct);
                break;
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        switch (target)
        {
            case TipState.Classified:
                (tip.Kind, tip.Relevance) = (input.Kind, input.Relevance);
                tip.DuplicateOfId = input.Relevance == TipRelevance.Duplicate ? input.DuplicateOfId : null;
                break;
            case TipState.Assigned:
                (tip.AssignedUnitId, tip.AssignedAgencyId) = (input.AssignedUnitId, input.AssignedAgencyId);
                break;
            case TipState.Handled:
                tip.Outcome = input.Outcome;
                tip.InspectionId = input.InspectionId ?? tip.InspectionId;
                tip.EstablishmentId = input.EstablishmentId ?? tip.EstablishmentId;
                tip.HotspotId = input.HotspotId ?? tip.HotspotId;
                break;
        }
        if (TipRules.Clean(input.PublicResult) is { } result) tip.PublicResult = result;
        AddStep(tip, target, now, scope.UserName, TipRules.Clean(input.Note), TipRules.Clean(input.MessageToReporter), await workDays.Current(ct));
        Touch(tip, input.Version);
        await db.SaveChangesAsync(ct);
        return tip;
    }

    /// <summary>Records the step with the deadline it had (computed with the kind just chosen, at classification) and
    /// whether it was met, and moves the tip on to its next deadline.</summary>
    internal static void AddStep(Tip tip, TipState target, DateTime at, string? by, string? note, string? message, WorkDays? calendar = null)
    {
        var due = DueOf(tip, target, calendar);
        tip.Steps.Add(new TipStep { State = target, At = at, By = by, DueOn = due, OnTime = due is null || VietnamTime.Day(at) <= due, Note = note, MessageToReporter = message });
        tip.State = target;
        tip.NextDueOn = NextDue(tip, calendar);
    }

    /// <summary>Extends the deadline of the tip's next step, with a reason, within the days its rule allows.</summary>
    public async Task<Tip> Extend(UserScope scope, int id, TipExtensionInput input, CancellationToken ct = default)
    {
        var tip = await Load(scope, id, ct);
        var next = TipWorkflow.Next(tip.State, tip.Relevance).FirstOrDefault();
        if (tip.State == TipState.Closed) throw new ConflictException("Tin đã kết thúc; không gia hạn.");
        var step = input.State ?? next;
        if (!TipAccess.CanAct(scope, tip, step)) throw audit.Denied(nameof(Tip), id, new ForbiddenException());
        if (tip.Version != input.Version) throw new ConflictException();
        var errors = new ErrorList();
        if (step != next) errors.Add("state", $"Chỉ gia hạn được bước tiếp theo của tin (\"{TipLabels.State(next)}\").");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "Ghi lý do gia hạn.");
        TipRules.Length(errors, "reason", input.Reason, TipRules.MaxReason, "Lý do gia hạn");
        if (input.Days is not { } days) errors.Add("days", "Nhập số ngày gia hạn.");
        else if (!errors.Any && TipDeadlines.ExtensionProblem(tip.Kind, step, tip.Extensions.Where(e => e.State == step).Sum(e => e.Days), days) is { } p)
            errors.Add("days", p);
        errors.ThrowIfAny();
        tip.Extensions.Add(new TipExtension { State = step, Days = input.Days!.Value, Reason = input.Reason!.Trim(), By = scope.UserName, At = clock.GetUtcNow().UtcDateTime });
        tip.NextDueOn = NextDue(tip, await workDays.Current(ct));
        Touch(tip, input.Version);
        await db.SaveChangesAsync(ct);
        return tip;
    }

    async Task<Tip> Load(UserScope scope, int id, CancellationToken ct)
    {
        var tip = await db.Tips.Include(t => t.Steps).Include(t => t.Extensions).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tip is null) throw new NotFoundException();
        if (!TipAccess.CanRead(scope, tip)) throw audit.Denied(nameof(Tip), id, new NotFoundException());
        return tip;
    }

    /// <summary>The tip row is always written with the version the user saw, so two steps sent at once cannot both pass.</summary>
    void Touch(Tip tip, int version)
    {
        db.Entry(tip).Property(t => t.Version).OriginalValue = version;
        db.Entry(tip).State = EntityState.Modified;
    }

    /// <summary>The deadline of <paramref name="step"/> for this tip as it stands (its kind, its steps and extensions so far).</summary>
    internal static DateOnly? DueOf(Tip tip, TipState step, WorkDays? calendar = null)
    {
        var received = VietnamTime.Day(tip.ReceivedAt);
        var classified = tip.Steps.Where(s => s.State == TipState.Classified).Select(s => (DateOnly?)VietnamTime.Day(s.At)).FirstOrDefault();
        var previous = tip.Steps.Count == 0 ? received : VietnamTime.Day(tip.Steps.Max(s => s.At));
        return TipDeadlines.DueOn(step, tip.Kind, received, classified, previous, tip.Extensions.Where(e => e.State == step).Sum(e => e.Days), calendar);
    }

    internal static DateOnly? NextDue(Tip tip, WorkDays? calendar = null) =>
        TipWorkflow.Next(tip.State, tip.Relevance) is [var next, ..] ? DueOf(tip, next, calendar) : null;

    async Task<string> FreeCode(CancellationToken ct)
    {
        while (true)
        {
            var code = TipRules.NewCode();
            if (!await db.Tips.AnyAsync(t => t.Code == code, ct)) return code;
        }
    }

    /// <summary>The province (or city) a unit lies in: it receives the portal's tips.</summary>
    internal async Task<int> RootOf(int unitId)
    {
        if (await tree.Find(unitId) is { Level: OrgUnitLevel.Province or OrgUnitLevel.Country }) return unitId;
        return (await tree.Ancestors(unitId)).FirstOrDefault(a => a.Level == OrgUnitLevel.Province)?.Id ?? unitId;
    }
}
