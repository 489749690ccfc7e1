using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pcmd.Web.Shared;

/// <summary>The OpenAPI document (/openapi/v1.json): what a client needs beyond the endpoints' own metadata — the sign-in
/// cookie as a security scheme on every signed-in operation, with its 401 and 403 problems, and the tags explained.</summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string CookieScheme = "pcmdCookie";

    static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Đăng nhập"] = "Đăng nhập bằng tên và mật khẩu; cookie pcmd.auth trả về dùng cho các lời gọi sau.",
        ["Người dùng"] = "Quản trị tài khoản: vai trò, đơn vị, cơ quan, khóa và mật khẩu.",
        ["Đơn vị hành chính"] = "Đơn vị hành chính các cấp, hiệu lực theo ngày và sáp nhập (1/7/2025).",
        ["Cơ quan"] = "Cơ quan, ban ngành và thành viên của chúng.",
        ["Kế hoạch"] = "Kế hoạch phòng, chống mại dâm: mục tiêu, chỉ tiêu, nhiệm vụ, phân công, phụ lục; tệp kế hoạch.",
        ["Cơ sở kinh doanh"] = "Cơ sở kinh doanh dịch vụ dễ bị lợi dụng; nhập, xuất tệp.",
        ["Đội kiểm tra"] = "Đội kiểm tra liên ngành và thành viên.",
        ["Kế hoạch kiểm tra"] = "Kế hoạch kiểm tra của các đội.",
        ["Kiểm tra"] = "Các cuộc kiểm tra, vi phạm và xử lý (TT 05/2006); danh mục nghị định và hành vi vi phạm.",
        ["Điểm phức tạp"] = "Điểm phức tạp về mại dâm và diễn biến của chúng.",
        ["Bản đồ"] = "Điểm phức tạp và cơ sở kinh doanh có tọa độ.",
        ["Chỉ tiêu"] = "Kết quả các chỉ tiêu tính từ dữ liệu và việc gắn chỉ tiêu với phép tính.",
        ["Báo cáo định kỳ"] = "Kỳ báo cáo, báo cáo của các cơ quan, quy trình nộp và tổng hợp.",
        ["Thông báo"] = "Thông báo gửi cho người đang đăng nhập.",
        ["Hỗ trợ, giảm hại"] = "Hồ sơ hỗ trợ bảo mật theo mã (chỉ cán bộ phụ trách và người giám sát), đồng ý, nhu cầu, chuyển gửi, lượt tiếp cận, thống kê đã che ô nhỏ.",
        ["Nhật ký"] = "Nhật ký thay đổi dữ liệu.",
    };

    public static IServiceCollection AddPcmdOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer(DescribeDocument);
            o.AddOperationTransformer(DescribeSignIn);
            o.AddOperationTransformer(DescribeDateQueries);
        });

    static Task DescribeDocument(OpenApiDocument doc, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        doc.Info.Title = "PCMD API";
        doc.Info.Description = "Hệ thống thông tin quản lý Chương trình phòng, chống mại dâm. Đăng nhập bằng POST /api/v1/auth/login; cookie trả về dùng cho các lời gọi sau.";
        doc.Info.License = new OpenApiLicense { Name = "Proprietary (UNLICENSED)" };
        // Relative: the same document serves every installation, each under its own host name.
        doc.Servers = [new OpenApiServer { Url = "/", Description = "Máy chủ đang phục vụ tài liệu này" }];
        doc.Components ??= new OpenApiComponents();
        doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        doc.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "pcmd.auth",
            Description = "Cookie đặt bởi POST /api/v1/auth/login (HttpOnly, SameSite=Strict).",
        };
        foreach (var tag in doc.Tags ?? Enumerable.Empty<OpenApiTag>())
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var text)) tag.Description = text;
        return Task.CompletedTask;
    }

    /// <summary>Signed-in operations (RequireAuthorization on their group) need the cookie and may answer 401 without it
    /// and 403 when the role does not allow them.</summary>
    static Task DescribeSignIn(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement()]; // said outright: no cookie needed (sign-in, sign-out)
            return Task.CompletedTask;
        }
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] }];
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", Problem(context, "Chưa đăng nhập"));
        operation.Responses.TryAdd("403", Problem(context, "Vai trò hoặc phạm vi không cho phép thao tác này"));
        return Task.CompletedTask;
    }

    /// <summary>What a <see cref="DateQuery"/> parameter accepts: the framework documents a type with TryParse as a bare
    /// string. The pattern is the date box's (day first or ISO); a client and the API tests read it from here.</summary>
    static Task DescribeDateQueries(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var d in context.Description.ParameterDescriptions)
        {
            var type = d.ParameterDescriptor is Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor pi ? pi.ParameterInfo.ParameterType : d.Type;
            if ((Nullable.GetUnderlyingType(type) ?? type) != typeof(DateQuery)) continue;
            if (operation.Parameters?.FirstOrDefault(p => p.Name == d.Name) is not OpenApiParameter parameter) continue;
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^" + DateInput.HtmlPattern + "$" };
            parameter.Description ??= "Ngày dd/mm/yyyy (cũng nhận d/m/yyyy và yyyy-mm-dd), ví dụ 05/12/2025 là ngày 5 tháng 12.";
        }
        return Task.CompletedTask;
    }

    static OpenApiResponse Problem(OpenApiOperationTransformerContext context, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
        },
    };

    /// <summary><c>dotnet run -- --print-openapi</c> writes the document to standard output without starting the server
    /// or touching the database: what test.sh lints.</summary>
    public static async Task Print(WebApplication app)
    {
        // Routing learns the app's endpoints when the pipeline is built on start; without a start, UseEndpoints hands
        // them over (the pipeline it extends never runs), or the document has no paths.
        app.UseEndpoints(_ => { });
        var provider = app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName);
        var doc = await provider.GetOpenApiDocumentAsync();
        await using var stdout = Console.OpenStandardOutput();
        await doc.SerializeAsJsonAsync(stdout, OpenApiSpecVersion.OpenApi3_1);
    }
}
