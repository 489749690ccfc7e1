using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.Inspections.Pages;
using Pcmd.Web.Security;

namespace Pcmd.UnitTests.Features.Inspections;

/// <summary>The rules of teams and inspection records that need no database.</summary>
public sealed class InspectionRulesTests
{
    static readonly Decree D144 = new() { Id = 2, Code = "144/2021/NĐ-CP", ValidFrom = new(2022, 1, 1), ValidTo = new(2025, 12, 14) };
    static readonly Decree D282 = new() { Id = 3, Code = "282/2025/NĐ-CP", ValidFrom = new(2025, 12, 15) };

    static Dictionary<string, string[]> Errors(Action<ErrorList> check)
    {
        var errors = new ErrorList();
        check(errors);
        try { errors.ThrowIfAny(); return []; }
        catch (ValidationException v) { return new Dictionary<string, string[]>(v.Errors); }
    }

    [Fact]
    public void A_team_has_at_most_one_active_leader_and_two_active_deputies()
    {
        Assert.Empty(Errors(e => TeamRules.CheckComposition(
            [(TeamRole.Leader, true), (TeamRole.Deputy, true), (TeamRole.Deputy, true), (TeamRole.Member, true), (TeamRole.Leader, false), (TeamRole.Deputy, false)], "members", e)));
        var two = Errors(e => TeamRules.CheckComposition([(TeamRole.Leader, true), (TeamRole.Leader, true)], "members", e));
        Assert.StartsWith("Đội chỉ có một đội trưởng (đang có 2)", Assert.Single(two["members"]));
        var three = Errors(e => TeamRules.CheckComposition([(TeamRole.Deputy, true), (TeamRole.Deputy, true), (TeamRole.Deputy, true)], "role", e));
        Assert.StartsWith("Đội có tối đa 2 đội phó (đang có 3)", Assert.Single(three["role"]));
    }

    [Fact]
    public void A_member_needs_a_short_name()
    {
        var errors = Errors(e => TeamRules.CheckMember(new TeamMemberInput(new string('A', 81), TeamRole.Member, null, null), "members[3].", e));
        Assert.Equal("Họ và tên dài quá 80 ký tự.", Assert.Single(errors["members[3].fullName"]));
        Assert.Contains("members[3].fullName", Errors(e => TeamRules.CheckMember(new TeamMemberInput("  ", TeamRole.Member, null, null), "members[3].", e)).Keys);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(5, false)]
    public void At_least_three_members_take_part(int present, bool refused)
    {
        var errors = Errors(e => InspectionRules.CheckMemberCount(present, e));
        Assert.Equal(refused, errors.ContainsKey("memberIds"));
        if (refused) Assert.StartsWith("Đoàn kiểm tra phải có ít nhất 3 thành viên", errors["memberIds"][0]);
    }

    [Theory]
    [InlineData("2025-12-14", "144", null)]
    [InlineData("2025-12-15", "144", "Nghị định 144/2021/NĐ-CP không còn hiệu lực ngày 15/12/2025 (chỉ áp dụng đến hết ngày 14/12/2025).")]
    [InlineData("2025-12-14", "282", "Nghị định 282/2025/NĐ-CP chưa có hiệu lực ngày 14/12/2025 (có hiệu lực từ 15/12/2025).")]
    [InlineData("2025-12-15", "282", null)]
    [InlineData("2030-01-01", "282", null)]
    public void A_decree_is_cited_only_while_in_force(string day, string decree, string? problem)
    {
        var d = decree == "144" ? D144 : D282;
        Assert.Equal(problem, InspectionRules.DecreeProblem(d, DateOnly.Parse(day)));
    }

    [Fact]
    public void A_fine_has_a_whole_amount_above_zero_and_only_a_fine_has_an_amount()
    {
        var day = new DateOnly(2026, 1, 20);
        Assert.Empty(Errors(e => InspectionRules.CheckSanction(new(SanctionKind.Fine, 1_500_000m, 3), "s.", day, D282, e)));
        Assert.Contains("s.amount", Errors(e => InspectionRules.CheckSanction(new(SanctionKind.Fine, null, 3), "s.", day, D282, e)).Keys);
        Assert.Contains("s.amount", Errors(e => InspectionRules.CheckSanction(new(SanctionKind.Fine, -5m, 3), "s.", day, D282, e)).Keys);
        Assert.Contains("s.amount", Errors(e => InspectionRules.CheckSanction(new(SanctionKind.Fine, 10.5m, 3), "s.", day, D282, e)).Keys);
        Assert.Contains("s.amount", Errors(e => InspectionRules.CheckSanction(new(SanctionKind.Warning, 100m, 3), "s.", day, D282, e)).Keys);
        Assert.Contains("s.measures", Errors(e => InspectionRules.CheckSanction(new(SanctionKind.Other, null, 3), "s.", day, D282, e)).Keys);
        Assert.Equal("Không có nghị định này trong danh mục.",
            Errors(e => InspectionRules.CheckSanction(new(SanctionKind.Warning, null, 99), "s.", day, null, e))["s.decreeId"].Single());
        Assert.StartsWith("Nghị định 144/2021/NĐ-CP không còn hiệu lực ngày 20/01/2026",
            Errors(e => InspectionRules.CheckSanction(new(SanctionKind.Warning, null, 2), "s.", day, D144, e))["s.decreeId"].Single());
    }

    [Fact]
    public void An_unannounced_inspection_needs_a_reason_and_the_date_is_not_in_the_future()
    {
        Assert.Contains("reason", Errors(e => InspectionRules.CheckKind(InspectionKind.Unannounced, null, null, e)).Keys);
        Assert.Empty(Errors(e => InspectionRules.CheckKind(InspectionKind.Unannounced, UnannouncedReason.Signs, null, e)));
        Assert.Empty(Errors(e => InspectionRules.CheckKind(InspectionKind.Planned, null, null, e)));
        var today = new DateOnly(2026, 11, 22);
        Assert.Empty(Errors(e => InspectionRules.CheckDate(today, today, e)));
        Assert.Equal("Ngày kiểm tra (23/11/2026) không được sau ngày hôm nay (22/11/2026).",
            Errors(e => InspectionRules.CheckDate(today.AddDays(1), today, e))["date"].Single());
    }

    [Theory]
    [InlineData("1.500.000", 1_500_000)]
    [InlineData("1 500 000 đ", 1_500_000)]
    [InlineData("2000000 đồng", 2_000_000)]
    [InlineData("750000", 750_000)]
    public void Amounts_are_read_as_people_write_them(string text, int expected)
    {
        var errors = new ErrorList();
        Assert.Equal(expected, InspectionForm.ParseMoney(text, "amount", errors));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("1,5 triệu")]
    [InlineData("abc")]
    [InlineData("-500")]
    public void A_bad_amount_is_reported(string text)
    {
        var errors = new ErrorList();
        Assert.Null(InspectionForm.ParseMoney(text, "sanctions[0].amount", errors));
        Assert.True(errors.Any);
    }
}
