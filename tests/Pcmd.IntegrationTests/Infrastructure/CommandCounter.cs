using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pcmd.IntegrationTests.Infrastructure;

/// <summary>The SQL the app sends, as far as a test asks for it, while the other tests share the app: the number of commands
/// of a request that carries the <see cref="Header"/> (by its value), so a test can assert what an endpoint costs; and the
/// text of every command with a parameter that contains a watched tag (<see cref="Watch"/>, e.g. the test's unique search).</summary>
public sealed class CommandCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Test-Count-Commands";
    readonly ConcurrentDictionary<string, int> _counts = new();
    readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _watched = new();

    public int Of(string key) => _counts.GetValueOrDefault(key);

    /// <summary>From now on, the text of every command whose parameters mention <paramref name="tag"/>.</summary>
    public IReadOnlyCollection<string> Watch(string tag) => _watched.GetOrAdd(tag, _ => new ConcurrentQueue<string>());

    void Count(DbCommand command)
    {
        if (http.HttpContext?.Request.Headers[Header] is { Count: > 0 } key) _counts.AddOrUpdate(key.ToString(), 1, (_, n) => n + 1);
        if (_watched.IsEmpty) return;
        foreach (DbParameter p in command.Parameters)
            if (p.Value is string s)
                foreach (var (tag, queue) in _watched)
                    if (s.Contains(tag, StringComparison.Ordinal))
                    {
                        queue.Enqueue(command.CommandText);
                        return;
                    }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }
}
