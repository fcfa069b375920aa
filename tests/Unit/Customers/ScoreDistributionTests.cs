using CxLive.Contracts.Customers;
using CxLive.Grains.Customers;

namespace CxLive.Tests.Unit.Customers;

public sealed class ScoreDistributionTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(9.99, 0)]
    [InlineData(10, 1)]
    [InlineData(39.5, 3)]
    [InlineData(99.9, 9)]
    [InlineData(100, 9)]
    public void A_score_falls_in_its_tenth_and_100_counts_with_the_nineties(double score, int tenth) =>
        Assert.Equal(tenth, ExperienceDirectoryGrain.TenthOf(score));

    [Fact]
    public void A_customer_counts_once_where_they_are_now()
    {
        var counts = new long[10];
        ExperienceDirectoryGrain.Move(counts, from: null, to: 5);
        ExperienceDirectoryGrain.Move(counts, from: 5, to: 2);
        ExperienceDirectoryGrain.Move(counts, from: null, to: 2);

        Assert.Equal([0, 0, 2, 0, 0, 0, 0, 0, 0, 0], counts);
    }

    [Fact]
    public void Leaving_a_tenth_nobody_was_counted_in_never_goes_below_zero()
    {
        var counts = new long[10];
        ExperienceDirectoryGrain.Move(counts, from: 7, to: 1);
        Assert.Equal(0, counts[7]);
        Assert.Equal(1, counts[1]);
    }
}
