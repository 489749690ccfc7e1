using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pcmd.IntegrationTests.Infrastructure;

/// <summary>The SQL the app sends, as far as a test asks for it: only commands with a parameter that contains a watched text
/// (the test's unique tag, e.g. in a search) are kept, so a test sees its own queries while the other tests share the app.</summary>
public sealed class SqlCommands : DbCommandInterceptor
{
    readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _watched = new();

    /// <summary>From now on, the text of every command whose parameters mention <paramref name="tag"/>.</summary>
    public IReadOnlyCollection<string> Watch(string tag) => _watched.GetOrAdd(tag, _ => new ConcurrentQueue<string>());

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    void Note(DbCommand command)
    {
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
}
