namespace Pcmd.Web.Shared;

/// <summary>Whether an irreversible step's POST carries the user's confirmation (Components/Shared/ConfirmStep, js/confirm.js).
/// Pages only: the API's clients confirm in their own way.</summary>
public static class Confirmation
{
    public const string Field = "Confirmed";

    public static bool Given(Microsoft.AspNetCore.Http.HttpContext? http) =>
        http is not null && http.Request.HasFormContentType && http.Request.Form[Field] == "1";
}
