using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pcmd.IntegrationTests.Infrastructure;

/// <summary>Counts the SQL commands EF Core runs for a request that carries the <see cref="Header"/> (by its value), so a
/// test can assert how many commands an endpoint costs. Commands of other requests and of the background services (no
/// request, or no header) are not counted.</summary>
public sealed class CommandCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Test-Count-Commands";
    readonly ConcurrentDictionary<string, int> _counts = new();

    public int Of(string key) => _counts.GetValueOrDefault(key);

    void Count()
    {
        if (http.HttpContext?.Request.Headers[Header] is { Count: > 0 } key) _counts.AddOrUpdate(key.ToString(), 1, (_, n) => n + 1);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }
}
