namespace Pcmd.Web.Shared;

/// <summary>What a write answers when the client needs only the record's id and its new version (for the next write).</summary>
public sealed record IdVersion(int Id, int Version);

/// <summary>The problems (RFC 7807) an endpoint may answer besides its result. Services throw them and
/// <see cref="Security.ProblemHandler"/> writes them, so handlers do not return them: these only tell the OpenAPI document.
/// 401 and 403 of signed-in endpoints are added to every such operation by <see cref="OpenApiSetup"/>.</summary>
public static class ApiProblems
{
    /// <summary>A read of one record: one out of the user's reach reads as not found.</summary>
    public static RouteHandlerBuilder ProducesNotFound(this RouteHandlerBuilder b) => b.ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Input that fails the rules: every problem with its path.</summary>
    public static RouteHandlerBuilder ProducesInvalid(this RouteHandlerBuilder b) => b.ProducesValidationProblem();

    /// <summary>A change of a record: invalid input, record out of reach, or changed by someone else since it was read.</summary>
    public static RouteHandlerBuilder ProducesWriteProblems(this RouteHandlerBuilder b) =>
        b.ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
