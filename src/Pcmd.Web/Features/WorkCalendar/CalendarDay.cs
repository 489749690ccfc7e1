using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;

namespace Pcmd.Web.Features.WorkCalendar;

/// <summary>A date on which the working week does not hold: a public holiday or a compensatory day off (Bộ luật Lao động 2019,
/// Điều 112; Nghị định 145/2020, Điều 58 for the day off in lieu), or a Saturday or Sunday worked in exchange for another day
/// (the Prime Minister's yearly decision on Tết and Quốc khánh moves days). Deadlines counted in working days skip the first
/// and count the second.</summary>
public class CalendarDay : IVersioned
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>True: no one works (a holiday, a day off in lieu). False: a weekend day worked in exchange.</summary>
    public bool DayOff { get; set; } = true;
    public string Name { get; set; } = "";
    public int Version { get; set; }
}

public class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public const int NameMax = 200;

    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("calendar_days");
        b.Property(x => x.Name).HasMaxLength(NameMax).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Date).IsUnique();
    }
}
