using Pcmd.Web.Features.Plans;

namespace Pcmd.UnitTests.Features.Plans;

/// <summary>Issue 16, item 9: the order of a plan's numbering, for inserting a part at its place.</summary>
public class PartNumbersTests
{
    [Theory]
    [InlineData("3.1.5.a", "3.2")]
    [InlineData("9", "10")]
    [InlineData("3.1", "3.1.1")]
    [InlineData("IV.3", "V.1.c")]
    [InlineData("V.1.b", "V.1.c")]
    [InlineData("IX", "X.1")]
    [InlineData("1.c", "1.l")]
    public void The_first_number_comes_before_the_second(string first, string second)
    {
        Assert.True(PartNumbers.Order.Compare(first, second) < 0);
        Assert.True(PartNumbers.Order.Compare(second, first) > 0);
    }

    [Fact]
    public void A_new_part_takes_the_place_of_the_first_that_follows_it()
    {
        var rows = new[] { ("1", 0), ("2", 1), ("10", 2) };
        Assert.Equal(1, PartNumbers.PositionFor("1.1", rows));
        Assert.Equal(2, PartNumbers.PositionFor("9", rows));
        Assert.Equal(3, PartNumbers.PositionFor("11", rows));
        Assert.Equal(0, PartNumbers.PositionFor("0", rows));
        Assert.Equal(0, PartNumbers.PositionFor("1", []));
    }
}
