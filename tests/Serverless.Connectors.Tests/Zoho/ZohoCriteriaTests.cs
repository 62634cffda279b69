using System.Text.Json.Nodes;
using Serverless.Connectors.Zoho;

namespace Serverless.Connectors.Tests.Zoho;

public sealed class ZohoCriteriaTests
{
    private static readonly JsonObject Deal = JsonNode.Parse("""
        {
          "id": "4876876000000624001",
          "Deal_Name": "Acme (Europe), GmbH renewal",
          "Stage": "Negotiation/Review",
          "Amount": 12500.5,
          "Probability": 75,
          "Closing_Date": "2026-03-31",
          "Modified_Time": "2026-02-02T10:15:30+01:00",
          "Email": "Anna.Schmidt@example.com",
          "Paid": false,
          "Description": null,
          "Account_Name": { "name": "Acme", "id": "4876876000000333001" },
          "Tags": ["vip", "renewal"],
          "Ticket_Number": "1042"
        }
        """)!.AsObject();

    [Theory]
    [InlineData("(Stage:equals:Negotiation/Review)", true)]
    [InlineData("(Stage:equals:negotiation/review)", true)]
    [InlineData("(Stage:equals:Negotiation)", false)]
    [InlineData("(Stage:EQUALS:Negotiation/Review)", true)]
    [InlineData("(Stage:not_equal:Closed Won)", true)]
    [InlineData("(Stage:not_equal:Negotiation/Review)", false)]
    [InlineData("(Stage:in:Qualification,Negotiation/Review)", true)]
    [InlineData("(Stage:equals:Qualification,Closed Won)", false)]
    [InlineData("(Email:starts_with:anna.)", true)]
    [InlineData("(Email:starts_with:schmidt)", false)]
    [InlineData("(Amount:greater_than:12500)", true)]
    [InlineData("(Amount:greater_than:12500.5)", false)]
    [InlineData("(Amount:greater_equal:12500.5)", true)]
    [InlineData("(Amount:less_than:9000)", false)]
    [InlineData("(Probability:less_equal:75)", true)]
    [InlineData("(Ticket_Number:greater_than:999)", true)]
    [InlineData("(Ticket_Number:equals:1042.0)", true)]
    [InlineData("(Closing_Date:less_than:2026-04-01)", true)]
    [InlineData("(Closing_Date:greater_than:2026-03-31)", false)]
    [InlineData("(Closing_Date:between:2026-03-01,2026-03-31)", true)]
    [InlineData("(Modified_Time:greater_than:2026-02-02T09:30:00+00:00)", false)]
    [InlineData("(Modified_Time:less_than:2026-02-02T09:30:00+00:00)", true)]
    [InlineData("(Account_Name:equals:Acme)", true)]
    [InlineData("(Account_Name.id:equals:4876876000000333001)", true)]
    [InlineData("(Tags:equals:vip)", true)]
    [InlineData("(Paid:equals:false)", true)]
    [InlineData("(Description:equals:x)", false)]
    [InlineData("(Description:not_equal:x)", true)]
    [InlineData("(Missing_Field:equals:x)", false)]
    [InlineData(@"(Deal_Name:equals:Acme \(Europe\)\, GmbH renewal)", true)]
    [InlineData("(Deal_Name:equals:  Acme \\(Europe\\)\\, GmbH renewal  )", true)]
    [InlineData("((Stage:equals:Negotiation/Review)and(Amount:greater_than:10000))", true)]
    [InlineData("(Stage:equals:Negotiation/Review)and(Amount:greater_than:20000)", false)]
    [InlineData("(Stage:equals:Closed Won)or(Amount:greater_than:10000)", true)]
    [InlineData("(Stage:equals:Closed Won) OR (Amount:greater_than:20000)", false)]
    [InlineData("((Stage:equals:Closed Won)or(Stage:equals:Negotiation/Review))and(Email:starts_with:anna)", true)]
    [InlineData("(Stage:equals:Closed Won)or(Stage:equals:Negotiation/Review)and(Email:starts_with:bob)", false)]
    [InlineData("(Stage:equals:Negotiation/Review)or(Stage:equals:Closed Won)and(Email:starts_with:bob)", true)]
    public void Matches(string criteria, bool expected)
    {
        ZohoCriteria.Parse(criteria).Matches(Deal).Should().Be(expected, criteria);
    }

    [Theory]
    [InlineData("Stage:equals:Won", "position 1", "expected '('")]
    [InlineData("(Stage:like:Won)", "position 8", "unknown operator 'like'")]
    [InlineData("(Stage:equals:Won", "position 18", "found the end")]
    [InlineData("(Stage:equals:)", "position 15", "needs a value")]
    [InlineData("(Amount:greater_than:1,2)", "position 22", "takes one value")]
    [InlineData("(Closing_Date:between:2026-01-01)", "position 23", "two values")]
    [InlineData("(Stage:equals:Won)xor(Amount:equals:1)", "position 19", "expected 'and', 'or' or the end")]
    [InlineData("(:equals:Won)", "position 2", "expected a field name")]
    [InlineData("(Deal_Name:equals:Acme (Europe))", "position 24", "must be escaped")]
    [InlineData("", "position 1", "expected '('")]
    public void Parse_Malformed_FailsNamingThePositionAndTheProblem(string criteria, string position, string problem)
    {
        FluentActions.Invoking(() => ZohoCriteria.Parse(criteria)).Should().Throw<FormatException>()
            .Which.Message.Should().Contain(position).And.Contain(problem);
    }
}
