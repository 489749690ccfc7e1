using System.Reflection;
using System.Reflection.Emit;

namespace Pcmd.UnitTests.Architecture;

/// <summary>Which feature folder uses which, read from the compiled assembly (signatures and method bodies, Razor pages
/// included, since they compile to classes in their folder's namespace), so a reference written any way counts and a
/// word in a string does not.</summary>
public static class FeatureGraph
{
    const string Prefix = "Pcmd.Web.Features.";

    public static string? FeatureOf(Type? t)
    {
        while (t is { IsNested: true }) t = t.DeclaringType;
        var ns = t?.Namespace;
        if (ns is null || !ns.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = ns[Prefix.Length..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>feature → the features it uses → one example "Type uses Type" for the message.</summary>
    public static Dictionary<string, Dictionary<string, string>> Build(Assembly asm)
    {
        var graph = new Dictionary<string, Dictionary<string, string>>();
        foreach (var type in asm.GetTypes())
        {
            var from = FeatureOf(type);
            if (from is null) continue;
            if (!graph.ContainsKey(from)) graph[from] = [];
            foreach (var used in UsedTypes(type))
                if (FeatureOf(used) is { } to && to != from)
                    graph[from].TryAdd(to, $"{Name(type)} uses {Name(used)}");
        }
        return graph;
    }

    static string Name(Type t) => t.FullName?[Prefix.Length..] ?? t.Name;

    const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    static IEnumerable<Type> UsedTypes(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType && !t.IsGenericTypeDefinition) foreach (var a in t.GetGenericArguments()) Add(a);
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var a in type.GetCustomAttributesData()) Add(a.AttributeType);
        foreach (var f in type.GetFields(All)) Add(f.FieldType);
        foreach (var p in type.GetProperties(All)) Add(p.PropertyType);
        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            foreach (var t in BodyTypes(m)) Add(t);
        }
        return found;
    }

    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Types named by the IL of a method: locals, and the tokens of calls, field accesses, casts, newobj, ldtoken.</summary>
    static IEnumerable<Type> BodyTypes(MethodBase m)
    {
        MethodBody? body;
        try { body = m.GetMethodBody(); } catch (Exception) { yield break; }
        if (body is null) yield break;
        foreach (var l in body.LocalVariables) yield return l.LocalType;
        var il = body.GetILAsByteArray() ?? [];
        Type[]? typeArgs = m.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = m.IsGenericMethod ? m.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var op = OpCodesByValue[value];
            i += op.Size;
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member = null;
                    try { member = m.Module.ResolveMember(token, typeArgs, methodArgs); } catch (Exception) { }
                    if (member is Type t) yield return t;
                    else if (member is not null)
                    {
                        if (member.DeclaringType is { } dt) yield return dt;
                        if (member is FieldInfo f) yield return f.FieldType;
                        if (member is MethodInfo mi)
                        {
                            yield return mi.ReturnType;
                            if (mi.IsGenericMethod) foreach (var a in mi.GetGenericArguments()) yield return a;
                        }
                    }
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                default: i += 4; break;
            }
        }
    }

    /// <summary>Each cycle as "A → B → A" (strongly connected components of more than one feature, with one path).</summary>
    public static List<string> Cycles(Dictionary<string, Dictionary<string, string>> graph)
    {
        var cycles = new List<string>();
        var reported = new HashSet<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (reported.Contains(start)) continue;
            var path = PathBack(graph, start);
            if (path is null) continue;
            foreach (var f in path) reported.Add(f);
            var steps = path.Zip(path.Skip(1), (a, b) => $"{a} → {b} ({graph[a][b]})");
            cycles.Add(string.Join("; ", steps));
        }
        return cycles;
    }

    /// <summary>A shortest path start → … → start, if any (breadth first).</summary>
    static List<string>? PathBack(Dictionary<string, Dictionary<string, string>> graph, string start)
    {
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in graph.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (next == start)
                {
                    var path = new List<string> { node };
                    for (var n = node; n != start; n = previous[n]) path.Insert(0, previous[n]);
                    path.Add(start);
                    return path;
                }
                if (next != start && previous.TryAdd(next, node)) queue.Enqueue(next);
            }
        }
        return null;
    }
}
