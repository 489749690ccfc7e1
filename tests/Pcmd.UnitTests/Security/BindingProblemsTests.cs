using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;

namespace Pcmd.UnitTests.Security;

/// <summary>The framework's English binding errors become Vietnamese messages under the field at fault.</summary>
public class BindingProblemsTests
{
    sealed record Period(int From, int To);
    sealed class Input { public string? Name { get; set; } public DateOnly? On { get; set; } public Period? Period { get; set; } public List<int>? Ids { get; set; } }
    sealed class Strict { public string? Key { get; set; } public required int Count { get; set; } }

    static ValidationProblemDetails Json<T>(string body)
    {
        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web));
        return Assert.IsType<ValidationProblemDetails>(BindingProblems.FromJson(ex));
    }

    [Theory]
    [InlineData("""{"name":5}""", "name", "một chuỗi")]
    [InlineData("""{"name":"a","on":"2026-99-01"}""", "on", "một ngày")]
    [InlineData("""{"name":"a","period":{"from":"x"}}""", "period.from", "không đúng kiểu")]
    [InlineData("""{"name":"a","ids":[1,"b"]}""", "ids[1]", "một số nguyên")]
    [InlineData("""{"name":"a","ids":{}}""", "ids", "danh sách")]
    [InlineData("""{"name":""", "name", "JSON không hợp lệ")]
    [InlineData("""[1]""", "body", "không đúng kiểu")]
    public void A_value_of_the_wrong_type_is_named_by_its_path(string body, string field, string words)
    {
        var problem = Json<Input>(body);
        Assert.Equal(400, problem.Status);
        var message = Assert.Single(Assert.Contains(field, problem.Errors));
        Assert.Contains(words, message);
    }

    [Fact]
    public void Missing_required_properties_are_each_named()
    {
        var problem = Json<Strict>("""{"key":"a"}""");
        Assert.Contains("count", problem.Errors.Keys, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Failed to bind parameter \"int? page\" from \"abc\".", "page", "một số nguyên")]
    [InlineData("Failed to bind parameter \"Nullable<DateOnly> from\" from \"2026-99-01\".", "from", "một ngày")]
    [InlineData("Required parameter \"int id\" was not provided from route.", "id", "Thiếu")]
    [InlineData("Implicit body inferred for parameter \"AgencyInput input\" but no body was provided. Did you mean to use a Service instead?", "body", "Thiếu nội dung")]
    public void A_query_or_route_value_that_does_not_bind_is_named(string message, string field, string words)
    {
        var problem = Assert.IsType<ValidationProblemDetails>(BindingProblems.From(new BadHttpRequestException(message)));
        Assert.Contains(words, Assert.Single(Assert.Contains(field, problem.Errors)));
    }

    [Theory]
    [InlineData(413)]
    [InlineData(415)]
    public void A_server_status_keeps_its_status_with_a_Vietnamese_title(int status)
    {
        var problem = BindingProblems.From(new BadHttpRequestException("Request body too large.", status));
        Assert.Equal(status, problem.Status);
        Assert.Equal(Titles.For(status), problem.Title);
    }
}
