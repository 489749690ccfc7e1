using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using Pcmd.Bench.Soak;

namespace Pcmd.Bench.Cluster;

/// <summary>`cluster-faults` (issue 17, item 5): a bounded closed-loop load through the cluster's nginx (scripts/cluster.sh up
/// --nodes 2 or more, loopback only) — sign-ins, lists, plan results, a server-rendered page, report drafts saved and submitted,
/// inspections and establishments recorded — while the faults happen one after another, each in a phase of its own: none
/// (baseline), one node killed with SIGKILL and restarted, the standby stopped (immediate) and restarted, the primary stopped
/// and the standby promoted. Recorded per phase: requests and failures by kind, the time from the fault to the first write
/// acknowledged again; at the end every acknowledged write is looked for (lost writes) and mails are counted for duplicates.
/// The faults are the script's (`scripts/cluster.sh fault …`), with the same PCMD_CLUSTER_DIR / PCMD_CLUSTER_PORT.</summary>
public static class ClusterFaults
{
    static readonly string[] Phases = ["baseline", "node 2 killed (SIGKILL), restarted", "standby stopped, restarted", "primary stopped, standby promoted"];

    public static async Task<int> Run(Args o)
    {
        var basePort = int.Parse(Environment.GetEnvironmentVariable("PCMD_CLUSTER_PORT") ?? "55600", CultureInfo.InvariantCulture);
        var url = o.Get("url") ?? $"http://127.0.0.1:{basePort}";
        var seconds = o.Int("seconds", 30);
        var workers = o.Int("workers", 4);
        var password = o.Get("password") ?? "Pcmd@2026demo";
        var primaryCs = $"Host=127.0.0.1:{basePort + 1},127.0.0.1:{basePort + 2};Username=postgres;Database=pcmd;Target Session Attributes=primary;Timeout=5";
        var stats = new SoakStats(Phases.Length);
        var client = new SoakClient(url, stats, TimeSpan.FromSeconds(30));
        var actions = new SoakActions(client, password);
        foreach (var user in new[] { SoakActions.Officer, SoakActions.Inspector, "lanhdao" })
        {
            var s = await actions.SignIn(user);
            actions.Sessions[user] = s;
            await actions.Discover(s);
        }
        var officer = actions.Sessions[SoakActions.Officer];
        var drafts = await DraftReports(client, officer);
        Console.WriteLine($"{url}: {workers} workers, {seconds} s per phase; {drafts.Count} draft report(s) of {officer.User} to save and submit");

        var phase = 0;
        var faultAt = new double[Phases.Length];
        var firstWrite = new double?[Phases.Length];
        var clock = Stopwatch.StartNew();
        var reports = new ReportWriter(client, officer, drafts);
        var stop = false;
        var load = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var r = new Random(w * 7919 + 1);
            while (!Volatile.Read(ref stop))
            {
                var p = Volatile.Read(ref phase);
                // Worker 0 only writes (an establishment, an inspection, a report draft in turn): its first write acknowledged
                // after a fault is the time to recover, whatever the slow reads of the others are doing.
                var wrote = w == 0 ? await Write(actions, reports, p, r) : await Step(actions, client, reports, p, r, password);
                if (wrote && firstWrite[p] is null) firstWrite[p] = clock.Elapsed.TotalSeconds - faultAt[p];
            }
        })).ToList();

        var load0 = BenchHost.LoadAverage();
        for (var p = 0; p < Phases.Length; p++)
        {
            Volatile.Write(ref phase, p);
            faultAt[p] = clock.Elapsed.TotalSeconds;
            var half = Task.Delay(TimeSpan.FromSeconds(seconds / 2.0));
            switch (p)
            {
                case 1: await Fault("kill-node", "2"); await half; await Fault("start-node", "2"); break;
                case 2: await Fault("stop-standby"); await half; await Fault("start-standby"); break;
                case 3: await Fault("promote"); break;
            }
            var end = faultAt[p] + seconds;
            if (clock.Elapsed.TotalSeconds < end) await Task.Delay(TimeSpan.FromSeconds(end - clock.Elapsed.TotalSeconds));
            if (p < Phases.Length - 1) await reports.Submit(p); // each phase ends with its report submitted
            Console.WriteLine($"phase {p}: {Phases[p]}: {stats.Minutes[p].Requests} requests, {stats.Minutes[p].ErrorCount} failed");
        }
        Volatile.Write(ref stop, true);
        await Task.WhenAll(load);
        await reports.Submit(Phases.Length - 1);
        var load1 = BenchHost.LoadAverage();

        // Lost writes: every acknowledged write looked for afterwards, through the proxy (single records read the primary).
        var inspections = actions.Sessions[SoakActions.Inspector].OwnInspections.Select(x => x.Id).ToList();
        var establishments = officer.OwnEstablishments.Select(x => x.Id).ToList();
        var check = new SoakClient(url, new SoakStats(1), TimeSpan.FromSeconds(30));
        var lostInspections = await Missing(check, actions.Sessions[SoakActions.Inspector], inspections.Select(i => $"/api/v1/inspections/{i}"));
        var lostEstablishments = await Missing(check, officer, establishments.Select(i => $"/api/v1/establishments/{i}"));
        var lostReports = await reports.Missing(check);
        long duplicateMails;
        await using (var conn = new NpgsqlConnection(primaryCs))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                SELECT (SELECT count(*) FROM (SELECT 1 FROM outbox_messages WHERE "DedupKey" IS NOT NULL GROUP BY "To", "DedupKey" HAVING count(*) > 1) d)
                     + (SELECT count(*) FROM (SELECT 1 FROM notifications GROUP BY "UserId", "DedupKey" HAVING count(*) > 1) n)
                """, conn);
            duplicateMails = (long)(await cmd.ExecuteScalarAsync())!;
        }

        var md = new StringBuilder();
        md.AppendLine($"`cluster-faults` {DateTime.UtcNow:dd/MM/yyyy HH:mm} UTC through {url}, {workers} closed-loop workers, {seconds} s per phase, load average {load0} → {load1}");
        md.AppendLine();
        md.AppendLine("| phase | requests | failed (by kind) | failed GETs | p50 / p99 ms | first write acknowledged after the fault |");
        md.AppendLine("|---|---:|---|---:|---:|---:|");
        for (var p = 0; p < Phases.Length; p++)
        {
            var m = stats.Minutes[p];
            var lat = stats.Latency(p, p + 1);
            var kinds = m.Errors.Count == 0 ? "0" : string.Join(", ", m.Errors.Select(e => $"{e.Value} {e.Key}"));
            md.AppendLine($"| {p}. {Phases[p]} | {m.Requests} | {kinds} | {Failed(p)} | {lat.P50:0} / {lat.P99:0} | " +
                $"{(firstWrite[p] is { } f ? f.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "none")} |");
        }
        md.AppendLine();
        md.AppendLine($"Acknowledged writes: {inspections.Count} inspections, {establishments.Count} establishments, {reports.Saves} report drafts " +
            $"and {reports.Submits} submissions. **Missing afterwards: {lostInspections} inspections, {lostEstablishments} establishments, " +
            $"{lostReports} reports** (a report is missing when its stored text or status is not the last one acknowledged). " +
            $"Duplicate notices or mails: **{duplicateMails}**.");
        foreach (var e in stats.Examples.Take(12)) md.AppendLine($"- {e}");
        Console.WriteLine();
        Console.WriteLine(md);
        var output = o.Get("out") ?? Path.Combine(BenchHost.RepoRoot(), "bench", "results", $"cluster-faults-{DateTime.UtcNow:yyyy-MM-dd}.md");
        await File.WriteAllTextAsync(output, md.ToString());
        Console.WriteLine($"Written to {output}");
        return lostInspections + lostEstablishments + lostReports == 0 && duplicateMails == 0 ? 0 : 3;
    }

    static readonly Dictionary<int, int> FailedReads = [];

    static int Failed(int phase) { lock (FailedReads) return FailedReads.GetValueOrDefault(phase); }

    static async Task<bool> Write(SoakActions a, ReportWriter reports, int phase, Random r)
    {
        var officer = a.Sessions[SoakActions.Officer];
        var inspector = a.Sessions[SoakActions.Inspector];
        var before = officer.OwnEstablishments.Count + inspector.OwnInspections.Count;
        switch (r.Next(3))
        {
            case 0: await a.CreateEstablishment(phase, r); break;
            case 1: await a.CreateInspection(phase, r); break;
            default: if (await reports.Save(phase)) return true; break;
        }
        return officer.OwnEstablishments.Count + inspector.OwnInspections.Count > before;
    }

    static readonly string[] SignInUsers = ["congan", "hotro", "hadong"];

    /// <summary>One request of the mix (reads 67 %, sign-ins 3 %, writes 30 %); true when it was a write acknowledged.</summary>
    static async Task<bool> Step(SoakActions a, SoakClient c, ReportWriter reports, int phase, Random r, string password)
    {
        var pick = r.Next(100);
        var officer = a.Sessions[SoakActions.Officer];
        var leader = a.Sessions["lanhdao"]; // coordinators sign in with TOTP in Production
        async Task Get(SoakSession s, string op, string path)
        {
            var reply = await c.Call(s, phase, op, HttpMethod.Get, path, [200]);
            if (reply is not { Status: 200 }) lock (FailedReads) FailedReads[phase] = FailedReads.GetValueOrDefault(phase) + 1;
        }
        switch (pick)
        {
            case < 25: await Get(officer, "establishments list", "/api/v1/establishments"); return false;
            case < 35: await Get(a.Sessions[SoakActions.Inspector], "inspections list", "/api/v1/inspections"); return false;
            case < 40: await Get(leader, "plan results", $"/api/v1/plans/{leader.Plans[r.Next(leader.Plans.Count)]}/results"); return false;
            case < 67: await Get(officer, "establishments page", "/establishments"); return false;
            case < 70:
                // A few sign-ins, spread over accounts: the sign-in rate limit (per account and address) is not the subject.
                var user = SignInUsers[r.Next(SignInUsers.Length)];
                using (var s = c.NewSession(user))
                {
                    var login = await c.Call(s, phase, "sign-in", HttpMethod.Post, "/api/v1/auth/login", [200],
                        SoakClient.Json(new { userName = user, password }));
                    if (login is { Status: 200 }) await Get(s, "sign-in", "/api/v1/auth/me");
                }
                return false;
            case < 80:
                var inspections = a.Sessions[SoakActions.Inspector].OwnInspections.Count;
                await a.CreateInspection(phase, r);
                return a.Sessions[SoakActions.Inspector].OwnInspections.Count > inspections;
            case < 90:
                var establishments = officer.OwnEstablishments.Count;
                await a.CreateEstablishment(phase, r);
                return officer.OwnEstablishments.Count > establishments;
            default: return await reports.Save(phase);
        }
    }

    static async Task Fault(params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(BenchHost.RepoRoot(), "scripts", "cluster.sh")) { RedirectStandardError = true };
        psi.ArgumentList.Add("fault");
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} fault {string.Join(' ', args)}: exit {p.ExitCode} {err.Trim()}");
    }

    static async Task<List<int>> DraftReports(SoakClient c, SoakSession s)
    {
        var reply = await c.Call(s, 0, "setup", HttpMethod.Get, "/api/v1/reports/mine", [200], keepBody: true);
        var rows = reply?.Json is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().ToList() : [];
        return rows.Where(x => x.TryGetProperty("status", out var st) && st.GetString() is "draft" or "Draft" or "returned" or "Returned")
            .Select(x => x.GetProperty("id").GetInt32()).ToList();
    }

    static async Task<int> Missing(SoakClient c, SoakSession s, IEnumerable<string> paths)
    {
        var missing = 0;
        foreach (var path in paths)
            if (await c.Call(s, 0, "check", HttpMethod.Get, path, [200, 404]) is not { Status: 200 }) missing++;
        return missing;
    }
}
