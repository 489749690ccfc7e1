using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.CommuneModel;

public static class CommuneModelApi
{
    public static void MapModels(RouteGroupBuilder api)
    {
        api.MapGet("", ListModelCommunes).WithName(nameof(ListModelCommunes)).WithSummary("Xã, phường áp dụng mô hình PCMD trong năm")
            .ProducesInvalid().ProducesNotFound();
        api.MapGet("/{id:int}", GetModelCommune).WithName(nameof(GetModelCommune)).WithSummary("Một xã, phường áp dụng mô hình").ProducesNotFound();
        api.MapPost("", CreateModelCommune).WithName(nameof(CreateModelCommune)).WithSummary("Ghi xã, phường áp dụng mô hình (duy trì / áp dụng mới)")
            .ProducesInvalid();
        api.MapPut("/{id:int}", UpdateModelCommune).WithName(nameof(UpdateModelCommune)).WithSummary("Sửa xã, phường áp dụng mô hình")
            .ProducesWriteProblems();
        api.MapDelete("/{id:int}", DeleteModelCommune).WithName(nameof(DeleteModelCommune)).WithSummary("Xóa xã, phường khỏi danh sách mô hình")
            .ProducesWriteProblems();
    }

    public static void MapRating(RouteGroupBuilder api)
    {
        api.MapGet("/criteria", ListHealthyCriteria).WithName(nameof(ListHealthyCriteria)).WithSummary("Bộ tiêu chí xã, phường lành mạnh");
        api.MapPost("/criteria", CreateHealthyCriterion).WithName(nameof(CreateHealthyCriterion)).WithSummary("Thêm tiêu chí").ProducesInvalid();
        api.MapPut("/criteria/{id:int}", UpdateHealthyCriterion).WithName(nameof(UpdateHealthyCriterion)).WithSummary("Sửa tiêu chí")
            .ProducesWriteProblems();
        api.MapGet("/rule", GetHealthyRule).WithName(nameof(GetHealthyRule)).WithSummary("Mức điểm đạt \"lành mạnh\" (% tổng điểm tối đa)");
        api.MapPut("/rule", SetHealthyRule).WithName(nameof(SetHealthyRule)).WithSummary("Đặt mức điểm đạt").ProducesInvalid()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/assessments", ListCommuneAssessments).WithName(nameof(ListCommuneAssessments)).WithSummary("Bản tự đánh giá của các xã, phường trong năm")
            .ProducesInvalid().ProducesNotFound();
        api.MapGet("/assessments/{id:int}", GetCommuneAssessment).WithName(nameof(GetCommuneAssessment)).WithSummary("Một bản tự đánh giá")
            .ProducesNotFound();
        api.MapPost("/assessments", CreateCommuneAssessment).WithName(nameof(CreateCommuneAssessment)).WithSummary("Lập bản tự đánh giá của năm")
            .ProducesInvalid();
        api.MapPut("/assessments/{id:int}", UpdateCommuneAssessment).WithName(nameof(UpdateCommuneAssessment)).WithSummary("Sửa điểm tự đánh giá")
            .ProducesWriteProblems();
        api.MapPost("/assessments/{id:int}/submit", SubmitCommuneAssessment).WithName(nameof(SubmitCommuneAssessment))
            .WithSummary("Xã, phường gửi bản tự đánh giá").ProducesWriteProblems();
        api.MapPost("/assessments/{id:int}/confirm", ConfirmCommuneAssessment).WithName(nameof(ConfirmCommuneAssessment))
            .WithSummary("Cơ quan thường trực xác nhận kết quả").ProducesWriteProblems();
        api.MapPost("/assessments/{id:int}/return", ReturnCommuneAssessment).WithName(nameof(ReturnCommuneAssessment))
            .WithSummary("Cơ quan thường trực trả lại để sửa").ProducesWriteProblems();
    }

    static int YearOr(int? year) => year ?? DateTime.UtcNow.AddHours(7).Year;

    public static async Task<Ok<ModelCommuneList>> ListModelCommunes(int? year, int? unit, UserScope scope, ModelCommuneService svc, CancellationToken ct)
    {
        if (year is < ModelCommuneService.MinYear or > ModelCommuneService.MaxYear) throw ValidationException.One("year", "Năm không hợp lệ.");
        return TypedResults.Ok(await svc.List(scope, YearOr(year), unit, ct));
    }

    public static async Task<Ok<ModelCommuneDto>> GetModelCommune(int id, UserScope scope, ModelCommuneService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<Saved>> CreateModelCommune([FromBody] ModelCommuneInput input, UserScope scope, ModelCommuneService svc,
        CancellationToken ct)
    {
        var m = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/commune-models/{m.Id}", new Saved(m.Id, m.Version));
    }

    public static async Task<Ok<Saved>> UpdateModelCommune(int id, [FromBody] ModelCommuneInput input, UserScope scope, ModelCommuneService svc,
        CancellationToken ct)
    {
        var m = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new Saved(m.Id, m.Version));
    }

    public static async Task<NoContent> DeleteModelCommune(int id, int version, UserScope scope, ModelCommuneService svc, CancellationToken ct)
    {
        await svc.Delete(scope, id, version, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<CriterionDto>>> ListHealthyCriteria(bool? activeOnly, HealthyRatingService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Criteria(activeOnly ?? false, ct));

    public static async Task<Created<Saved>> CreateHealthyCriterion([FromBody] CriterionInput input, UserScope scope, HealthyRatingService svc,
        CancellationToken ct)
    {
        var c = await svc.SaveCriterion(scope, null, input, ct);
        return TypedResults.Created($"/api/v1/healthy-communes/criteria/{c.Id}", new Saved(c.Id, c.Version));
    }

    public static async Task<Ok<Saved>> UpdateHealthyCriterion(int id, [FromBody] CriterionInput input, UserScope scope, HealthyRatingService svc,
        CancellationToken ct)
    {
        var c = await svc.SaveCriterion(scope, id, input, ct);
        return TypedResults.Ok(new Saved(c.Id, c.Version));
    }

    public static async Task<Ok<HealthyRuleDto>> GetHealthyRule(HealthyRatingService svc, CancellationToken ct) => TypedResults.Ok(await svc.Rule(ct));

    public static async Task<Ok<HealthyRuleDto>> SetHealthyRule([FromBody] HealthyRuleInput input, UserScope scope, HealthyRatingService svc,
        CancellationToken ct) => TypedResults.Ok(await svc.SetRule(scope, input, ct));

    public static async Task<Ok<AssessmentList>> ListCommuneAssessments(int? year, int? unit, UserScope scope, HealthyRatingService svc,
        CancellationToken ct)
    {
        if (year is < ModelCommuneService.MinYear or > ModelCommuneService.MaxYear) throw ValidationException.One("year", "Năm không hợp lệ.");
        return TypedResults.Ok(await svc.List(scope, YearOr(year), unit, ct));
    }

    public static async Task<Ok<AssessmentDto>> GetCommuneAssessment(int id, UserScope scope, HealthyRatingService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<Saved>> CreateCommuneAssessment([FromBody] AssessmentInput input, UserScope scope, HealthyRatingService svc,
        CancellationToken ct)
    {
        var a = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/healthy-communes/assessments/{a.Id}", new Saved(a.Id, a.Version));
    }

    public static async Task<Ok<Saved>> UpdateCommuneAssessment(int id, [FromBody] AssessmentInput input, UserScope scope, HealthyRatingService svc,
        CancellationToken ct)
    {
        var a = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new Saved(a.Id, a.Version));
    }

    public static async Task<Ok<Saved>> SubmitCommuneAssessment(int id, [FromBody] AssessmentAction action, UserScope scope, HealthyRatingService svc,
        CancellationToken ct)
    {
        var a = await svc.Submit(scope, id, action, ct);
        return TypedResults.Ok(new Saved(a.Id, a.Version));
    }

    public static async Task<Ok<Saved>> ConfirmCommuneAssessment(int id, [FromBody] AssessmentAction action, UserScope scope, HealthyRatingService svc,
        CancellationToken ct)
    {
        var a = await svc.Review(scope, id, true, action, ct);
        return TypedResults.Ok(new Saved(a.Id, a.Version));
    }

    public static async Task<Ok<Saved>> ReturnCommuneAssessment(int id, [FromBody] AssessmentAction action, UserScope scope, HealthyRatingService svc,
        CancellationToken ct)
    {
        var a = await svc.Review(scope, id, false, action, ct);
        return TypedResults.Ok(new Saved(a.Id, a.Version));
    }
}
