using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

using Pcmd.Web.Features.WorkCalendar;

namespace Pcmd.Web.Features.Tips;

/// <summary>What a citizen sends from the portal, without an account.</summary>
/// <param name="SubmissionToken">The form's one-time token (<see cref="PortalSubmission"/>): the same token sent again gives the
/// first report's receipt without its secret, not a second tip. Optional (an API client may send its own, at most 100 characters).</param>
public sealed record PortalReportInput(TipCategory? Category, int? OrgUnitId, string? Place, DateOnly? OccurredOn, string? Description,
    double? Latitude = null, double? Longitude = null, string? ReporterName = null, string? ReporterContact = null, string? SubmissionToken = null);

/// <summary>The follow-up code and the secret, shown once: only a hash of the secret is kept. <see cref="AlreadyReceived"/>: the
/// same submission token came again; the code of the tip it made, and no secret (it cannot be shown twice).</summary>
public sealed record PortalReceipt(string Code, string? Secret, PublicStatus Status, string StatusText, bool AlreadyReceived = false);

public sealed record PortalLookup(string? Code, string? Secret);

public sealed record PortalReplyInput(string? Code, string? Secret, string? Text);

public sealed record PortalMessage(DateOnly On, string Text, bool FromReporter);

/// <summary>What the reporter may see: public status, public result, the messages to them and their answers; never who
/// handles the tip or any internal note.</summary>
public sealed record PortalStatus(string Code, PublicStatus Status, string StatusText, DateOnly ReceivedOn, string? PublicResult,
    List<PortalMessage> Messages);

public sealed record PortalGuidanceDto(string Text, int Version);

public sealed record PortalGuidanceInput(string? Text, int Version);

public sealed record CommuneChoice(int Id, string Name, string ProvinceName);

/// <summary>The public side of tips. It stores nothing of the client (no address, no device) and no time finer than the hour:
/// its writes go through a DbContext whose clock reads only the hour, so even the audit trail's rows of a portal tip
/// carry the hour alone.</summary>
public sealed class PortalService(DbContextOptions<PcmdDbContext> options, PcmdDbContext db, TipService tips, OrgUnitTree tree, TimeProvider clock,
    WorkCalendarService workDays)
{
    public const string NotFoundText = "Không tìm thấy tin báo với mã và mật mã này. Hãy kiểm tra lại mã theo dõi và mật mã trên giấy biên nhận.";

    /// <summary>Checks the report, then asks <paramref name="admit"/> (the client's limit) and saves it with its photos (already
    /// checked by <see cref="TipPhotos.CheckAll"/>) in one SaveChanges; null when the limit refused.</summary>
    public async Task<PortalReceipt?> Submit(PortalReportInput input, CancellationToken ct = default, Func<Task<bool>>? admit = null,
        IReadOnlyList<TipPhotos.Checked>? photos = null)
    {
        // A form posted again (a reload after the receipt) is answered before the checks and the client's limit.
        var token = PortalSubmission.Hash(input.SubmissionToken);
        if (token is not null && await AlreadyReceived(token, ct) is { } again) return again;
        var errors = new ErrorList();
        await tips.ValidateSubstance(input.Category, input.OrgUnitId, input.Place, input.Latitude, input.Longitude, input.OccurredOn,
            input.Description, errors, ct);
        if (input.OrgUnitId is { } u && await tree.Find(u) is { } node && node.ValidTo is not null)
            errors.Add("orgUnitId", "Xã, phường này không còn; hãy chọn xã, phường hiện nay.");
        TipRules.Length(errors, "reporterName", input.ReporterName, TipRules.MaxName, "Họ tên");
        TipRules.Length(errors, "reporterContact", input.ReporterContact, TipRules.MaxContact, "Cách liên hệ");
        errors.ThrowIfAny();
        if (admit is not null && !await admit()) return null;

        await using var hourly = HourlyContext();
        var secret = TipRules.NewSecret();
        var hour = TipRules.ToHour(clock.GetUtcNow());
        var tip = new Tip
        {
            Channel = TipChannel.PublicPortal, ReceivedAt = hour, ReceivingUnitId = await tips.RootOf(input.OrgUnitId!.Value),
            ReporterName = TipRules.Clean(input.ReporterName), ReporterContact = TipRules.Clean(input.ReporterContact),
        };
        tip.Anonymous = tip.ReporterName is null && tip.ReporterContact is null;
        TipService.FillSubstance(tip, input.Category, input.OrgUnitId, input.Place, input.Latitude, input.Longitude, input.OccurredOn, input.Description);
        TipService.Received(tip, hour, null, await workDays.Current(ct));
        for (var attempt = 0; ; attempt++)
        {
            tip.Code = TipRules.NewCode();
            tip.SecretHash = TipRules.HashSecret(tip.Code, secret);
            if (!await hourly.Tips.AnyAsync(t => t.Code == tip.Code, ct) || attempt > 5) break;
        }
        hourly.Tips.Add(tip);
        TipPhotos.Attach(hourly, tip, photos ?? []);
        if (token is not null)
        {
            await hourly.Set<PortalSubmission>().Where(p => p.ExpiresAt < hour).ExecuteDeleteAsync(ct);
            hourly.Add(new PortalSubmission { TokenHash = token, Tip = tip, ExpiresAt = hour + PortalSubmission.Keep });
        }
        try { await hourly.SaveChangesAsync(ct); }
        // Two posts of one form at the same moment: the token's key lets one tip in; the other gets its receipt.
        catch (DbUpdateException) when (token is not null)
        {
            if (await AlreadyReceived(token, ct) is { } raced) return raced;
            throw;
        }
        return new PortalReceipt(tip.Code, secret, PublicStatus.Received, TipLabels.Public(PublicStatus.Received));
    }

    /// <summary>The receipt, without the secret, of the tip an unexpired token made; null when it made none.</summary>
    async Task<PortalReceipt?> AlreadyReceived(string tokenHash, CancellationToken ct)
    {
        var hour = TipRules.ToHour(clock.GetUtcNow());
        var tip = await db.Set<PortalSubmission>().AsNoTracking().Where(p => p.TokenHash == tokenHash && p.ExpiresAt >= hour)
            .Select(p => new { p.Tip!.Code, p.Tip.State }).FirstOrDefaultAsync(ct);
        if (tip is null) return null;
        var status = TipWorkflow.Public(tip.State);
        return new PortalReceipt(tip.Code, null, status, TipLabels.Public(status), AlreadyReceived: true);
    }

    /// <summary>The status for a code and its secret; null (the same for an unknown code and a wrong secret) otherwise.</summary>
    public async Task<PortalStatus?> Status(PortalLookup lookup, CancellationToken ct = default)
    {
        var tip = await Find(lookup.Code, lookup.Secret, ct);
        if (tip is null) return null;
        var steps = await db.TipSteps.AsNoTracking().Where(s => s.TipId == tip.Id && s.MessageToReporter != null)
            .Select(s => new { s.At, s.MessageToReporter }).ToListAsync(ct);
        var replies = await db.TipReplies.AsNoTracking().Where(r => r.TipId == tip.Id).Select(r => new { r.At, r.Text }).ToListAsync(ct);
        var messages = steps.Select(s => (s.At, new PortalMessage(Shared.VietnamTime.Day(s.At), s.MessageToReporter!, false)))
            .Concat(replies.Select(r => (r.At, new PortalMessage(Shared.VietnamTime.Day(r.At), r.Text, true))))
            .OrderBy(m => m.At).Select(m => m.Item2).ToList();
        var status = TipWorkflow.Public(tip.State);
        return new PortalStatus(tip.Code, status, TipLabels.Public(status), Shared.VietnamTime.Day(tip.ReceivedAt),
            tip.State == TipState.Closed || tip.State == TipState.Handled ? tip.PublicResult : null, messages);
    }

    /// <summary>The reporter answers a question staff asked; refused when nobody asked one.</summary>
    public async Task<PortalStatus?> Reply(PortalReplyInput input, CancellationToken ct = default)
    {
        var tip = await Find(input.Code, input.Secret, ct);
        if (tip is null) return null;
        var errors = new ErrorList();
        if (string.IsNullOrWhiteSpace(input.Text)) errors.Add("text", "Nhập nội dung trả lời.");
        TipRules.Length(errors, "text", input.Text, TipRules.MaxReply, "Nội dung trả lời");
        if (tip.State == TipState.Closed) errors.Add("text", "Tin đã kết thúc; không nhận thêm trả lời.");
        else if (!await db.TipSteps.AnyAsync(s => s.TipId == tip.Id && s.MessageToReporter != null, ct))
            errors.Add("text", "Cán bộ chưa đặt câu hỏi nào cho tin này.");
        errors.ThrowIfAny();
        await using var hourly = HourlyContext();
        hourly.TipReplies.Add(new TipReply { TipId = tip.Id, At = TipRules.ToHour(clock.GetUtcNow()), Text = input.Text!.Trim() });
        await hourly.SaveChangesAsync(ct);
        return await Status(new PortalLookup(input.Code, input.Secret), ct);
    }

    async Task<Tip?> Find(string? code, string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(secret) || code.Length > 40 || secret.Length > 60) return null;
        var c = TipRules.NormalizeCode(code);
        var tip = await db.Tips.AsNoTracking().FirstOrDefaultAsync(t => t.Code == c, ct);
        // Hash even when the code is unknown, so that the time taken does not tell a known code from an unknown one.
        var matches = TipRules.SecretMatches(tip?.SecretHash ?? new string('0', 64), c, secret);
        return tip is not null && matches ? tip : null;
    }

    public async Task<PortalGuidanceDto> Guidance(CancellationToken ct = default) =>
        await db.PortalGuidance.AsNoTracking().OrderBy(g => g.Id).Select(g => new PortalGuidanceDto(g.Text, g.Version)).FirstOrDefaultAsync(ct)
        ?? new PortalGuidanceDto(DefaultGuidance, 0);

    public async Task<PortalGuidanceDto> SetGuidance(UserScope scope, PortalGuidanceInput input, CancellationToken ct = default)
    {
        if (!scope.IsInRole(Users.Roles.Admin)) throw new ForbiddenException();
        var errors = new ErrorList();
        if (string.IsNullOrWhiteSpace(input.Text)) errors.Add("text", "Nhập nội dung hướng dẫn.");
        TipRules.Length(errors, "text", input.Text, TipRules.MaxGuidance, "Nội dung hướng dẫn");
        errors.ThrowIfAny();
        var row = await db.PortalGuidance.OrderBy(g => g.Id).FirstOrDefaultAsync(ct);
        if ((row?.Version ?? 0) != input.Version) throw new ConflictException();
        // The built-in text is version 0; the first saved text is version 1, so that a second save from the same form is a conflict.
        if (row is null) db.PortalGuidance.Add(row = new PortalGuidance { Version = 1 });
        else db.Entry(row).Property(g => g.Version).OriginalValue = input.Version;
        row.Text = input.Text!.Trim();
        await db.SaveChangesAsync(ct);
        return new PortalGuidanceDto(row.Text, row.Version);
    }

    /// <summary>The communes of today a report may name, by province: for the portal's form.</summary>
    public async Task<List<CommuneChoice>> Communes(int? provinceId)
    {
        var today = Shared.VietnamTime.Today(clock);
        var all = await tree.All();
        var provinces = all.Where(n => n.Level == OrgUnitLevel.Province).ToDictionary(n => n.Id, n => n.Name);
        var result = new List<CommuneChoice>();
        foreach (var n in all.Where(n => n.Level == OrgUnitLevel.Commune && (n.ValidTo is null || n.ValidTo >= today) && (n.ValidFrom is null || n.ValidFrom <= today)))
        {
            var province = (await tree.Ancestors(n.Id)).FirstOrDefault(a => a.Level == OrgUnitLevel.Province);
            if (provinceId is { } p && province?.Id != p) continue;
            result.Add(new CommuneChoice(n.Id, n.Name, province?.Name ?? ""));
        }
        return result.OrderBy(c => c.ProvinceName, Shared.VietnameseText.Comparer).ThenBy(c => c.Name, Shared.VietnameseText.Comparer).ToList();
    }

    public async Task<List<(int Id, string Name)>> Provinces() =>
        (await tree.All()).Where(n => n.Level == OrgUnitLevel.Province && n.ValidTo is null).OrderBy(n => n.Name, Shared.VietnameseText.Comparer)
            .Select(n => (n.Id, n.Name)).ToList();

    PcmdDbContext HourlyContext() => new(options, null, new HourClock(clock));

    /// <summary>The clock of the public side's writes: the hour, nothing finer.</summary>
    sealed class HourClock(TimeProvider inner) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(TipRules.ToHour(inner.GetUtcNow()));
    }

    public const string DefaultGuidance = """
        Mọi người dân có quyền và trách nhiệm tố giác, báo tin về hành vi mua bán dâm, chứa mại dâm, môi giới mại dâm, tổ chức hoạt động mại dâm và mua bán người (Pháp lệnh Phòng, chống mại dâm 2003; Bộ luật Tố tụng hình sự 2015, Điều 144).
        Bạn có thể gửi tin mà không cần cho biết tên. Nếu bạn để lại cách liên hệ, thông tin đó được mã hóa và chỉ cán bộ tiếp nhận được xem; đơn vị được giao xử lý không biết bạn là ai. Mọi lần xem đều được ghi lại.
        Sau khi gửi, bạn nhận một mã theo dõi và một mật mã. Hãy lưu lại: mật mã chỉ hiện một lần. Dùng mã và mật mã để xem tình trạng xử lý và trả lời câu hỏi của cán bộ.
        Nếu có người đang gặp nguy hiểm, hãy gọi ngay 113 (Công an) hoặc 111 (Tổng đài quốc gia bảo vệ trẻ em).
        """;
}
