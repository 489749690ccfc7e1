using Pcmd.Web.Shared;

namespace Pcmd.UnitTests.Shared;

public class VietnameseTextTests
{
    [Fact]
    public void Names_sort_in_Vietnamese_alphabetical_order()
    {
        // Vietnamese order: a ă â b c d đ e ê … o ô ơ … u ư; an ordinal sort would put Đ and Ư after Z.
        string[] names = ["Phường Ưng Hòa", "Đống Đa", "Dịch Vọng", "Ân Thi", "An Khánh", "Zô", "Ba Đình", "Ơn"];
        var sorted = names.Order(VietnameseText.Comparer).ToArray();
        Assert.Equal(["An Khánh", "Ân Thi", "Ba Đình", "Dịch Vọng", "Đống Đa", "Ơn", "Phường Ưng Hòa", "Zô"], sorted);
    }

    [Fact]
    public void Numbers_and_dates_use_the_Vietnamese_format()
    {
        Assert.Equal("1.500", 1500m.ToString("#,##0", VietnameseText.Culture));
        Assert.Equal("17/06/2026", new DateOnly(2026, 6, 17).ToString("d", VietnameseText.Culture));
    }
}
