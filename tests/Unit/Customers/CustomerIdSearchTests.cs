using CxLive.Contracts.Customers;
using CxLive.Grains.Customers;

namespace CxLive.Tests.Unit.Customers;

/// <summary>"Find a customer" as a supervisor types: any case, any part of the id.</summary>
public sealed class CustomerIdSearchTests
{
    private static readonly string[] Ids = ["b-4711", "Cust-004711", "cust-004712", "cust-4711", "CUST-9", "x-cust-1", "zed"];

    private static List<string> Index() => [.. Ids.Order(CustomerIdSearch.Order)];

    [Fact]
    public void Ids_that_start_with_the_text_in_any_case_come_first_then_those_that_contain_it()
    {
        Assert.Equal(["Cust-004711", "cust-004712", "cust-4711", "CUST-9", "x-cust-1"], CustomerIndexGrain.Matching(Index(), "cust-"));
        Assert.Equal(["Cust-004711", "cust-004712"], CustomerIndexGrain.Matching(Index(), "CUST-0047"));
    }

    [Fact]
    public void The_digits_a_customer_reads_out_find_their_id()
    {
        Assert.Equal(["b-4711", "Cust-004711", "cust-4711"], CustomerIndexGrain.Matching(Index(), "4711"));
        Assert.Empty(CustomerIndexGrain.Matching(Index(), "4713"));
    }

    [Fact]
    public void Ids_differing_only_in_case_are_two_customers_side_by_side()
    {
        string[] ids = ["ana", "Bo", "ANA", "bob"];

        Assert.Equal(["ANA", "ana", "Bo", "bob"], ids.Order(CustomerIdSearch.Order));
        Assert.Equal(["ANA", "ana"], CustomerIndexGrain.Matching([.. ids.Order(CustomerIdSearch.Order)], "An"));
    }

    [Theory]
    [InlineData("cust-4711", "CUST", 0)]
    [InlineData("cust-4711", "4711", 1)]
    [InlineData("cust-4711", "4712", null)]
    public void Rank_tells_a_start_from_a_middle(string id, string query, int? rank) =>
        Assert.Equal(rank, CustomerIdSearch.Rank(id, query));
}
