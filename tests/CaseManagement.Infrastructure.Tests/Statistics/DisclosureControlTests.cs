using CaseManagement.Application.Statistics;
using CaseManagement.Application.Statistics.Disclosure;
using CaseManagement.Application.Statistics.Releases;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Statistics;
using CaseManagement.Infrastructure.Statistics;
using CsCheck;

namespace CaseManagement.Infrastructure.Tests.Statistics;

/// <summary>
/// Suppression attacked: on random releases with many small cells, no published cell lies between
/// 1 and k−1 and the attack (<see cref="ReleaseAttack"/>) recovers no hidden small cell; and the
/// same attack does find the cells of a release protected by primary suppression alone.
/// </summary>
public sealed class DisclosureControlTests
{
    private const int K = 5;
    private static readonly StatisticsPeriod Period = StatisticsPeriod.OfYear(2024);
    private static readonly SuppressionRule Rule = new(K, "test");

    /// <summary>Random figures: a few organisations, groups of people in every service, most of them small.</summary>
    private static readonly Gen<StatisticsInput> Inputs =
        from organisations in Gen.Int[1, 4]
        from groups in Gen.Select(Gen.Int[0, 6], Gen.Int[0, organisations - 1], Gen.Int[0, 3], Gen.Int[0, 6], Gen.Int[0, 7], Gen.Int[0, 30]).Array[1, 40]
        select Input(organisations, groups);

    [Fact]
    public void Random_releases_publish_no_small_count_and_hide_none_that_an_attacker_can_recover()
    {
        Inputs.Sample(input =>
        {
            var (published, truth) = Release(input, protect: true);
            Assert.Empty(ReleaseAttack.SmallPublished(published, K));
            Assert.Empty(ReleaseAttack.Exposed(published, truth, K));
            foreach (var organisation in input.Organisations)
            {
                var own = ReleaseLayout.For(input with { Populations = [.. input.Populations.Where(p => p.OrganisationId == organisation.Id)] }, byOrganisation: false)
                    .ToDocument(Period, null, provisional: false, Rule);
                var known = ReleaseAttack.Known(own, organisation.Name);
                Assert.Empty(ReleaseAttack.SmallPublished(published, K, known));
                Assert.Empty(ReleaseAttack.Exposed(published, truth, K, known));
            }

            Assert.All(ReleaseAttack.Cells(published).GroupBy(c => c.Key), same => Assert.Single(same.Select(c => c.Value).Distinct()));
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void The_attack_recovers_cells_hidden_by_primary_suppression_alone()
    {
        // Two services, two sexes: the 2 and the 3 are small and hidden, but each is its row total minus what is shown.
        var input = new StatisticsInput(
        [
            Group(ServiceType.Residential, Sex.Female, 40), Group(ServiceType.Residential, Sex.Male, 2),
            Group(ServiceType.Counselling, Sex.Female, 30), Group(ServiceType.Counselling, Sex.Male, 3),
        ], 0, [], [new OrganisationLabel(OrganisationId(0), "A")]);
        var (weak, truth) = Release(input, protect: false);
        Assert.Empty(ReleaseAttack.SmallPublished(weak, K));
        var exposed = ReleaseAttack.Exposed(weak, truth, K);
        Assert.Contains(exposed, e => e.StartsWith($"{ReleaseLayout.BySex}/Residential/Male: [2, 2]", StringComparison.Ordinal));
        Assert.Contains(exposed, e => e.StartsWith($"{ReleaseLayout.BySex}/Counselling/Male: [3, 3]", StringComparison.Ordinal));

        var (strong, _) = Release(input, protect: true);
        Assert.Empty(ReleaseAttack.Exposed(strong, truth, K));
    }

    [Fact]
    public void A_member_cannot_take_its_own_people_away_from_a_published_cell_to_find_a_small_one()
    {
        // Residential women: 20 of organisation A and 1 of B. Published as 21, A would learn that B has exactly one.
        var input = new StatisticsInput(
        [
            new PopulationCount(ServiceType.Residential, OrganisationId(0), Sex.Female, AgeBand.From18To25, ExploitationTypes.Sexual, 20),
            new PopulationCount(ServiceType.Residential, OrganisationId(1), Sex.Female, AgeBand.From18To25, ExploitationTypes.Sexual, 1),
            new PopulationCount(ServiceType.Counselling, OrganisationId(0), Sex.Female, AgeBand.From18To25, ExploitationTypes.Sexual, 30),
            new PopulationCount(ServiceType.Counselling, OrganisationId(1), Sex.Female, AgeBand.From18To25, ExploitationTypes.Sexual, 30),
        ], 0, [], [new OrganisationLabel(OrganisationId(0), "A"), new OrganisationLabel(OrganisationId(1), "B")]);
        var own = ReleaseLayout.For(input with { Populations = [.. input.Populations.Where(p => p.OrganisationId == OrganisationId(0))] }, byOrganisation: false)
            .ToDocument(Period, null, provisional: false, Rule);
        var known = ReleaseAttack.Known(own, "A");

        var (weak, truth) = Release(input, protect: false);
        Assert.Contains(ReleaseAttack.SmallPublished(weak, K, known), c => c.StartsWith($"{ReleaseLayout.BySex}/Residential/Female = 1", StringComparison.Ordinal));

        var (strong, _) = Release(input, protect: true);
        Assert.Empty(ReleaseAttack.SmallPublished(strong, K, known));
        Assert.Empty(ReleaseAttack.Exposed(strong, truth, K, known));
    }

    [Fact]
    public void A_later_revision_hides_again_what_the_earlier_one_hid()
    {
        var first = new StatisticsInput([Group(ServiceType.Residential, Sex.Female, 40), Group(ServiceType.Residential, Sex.Male, 2)], 0, [], [new OrganisationLabel(OrganisationId(0), "A")]);
        var (earlier, _) = Release(first, protect: true);
        var later = first with { Populations = [Group(ServiceType.Residential, Sex.Female, 40), Group(ServiceType.Residential, Sex.Male, 9)] };
        var layout = ReleaseLayout.For(later, byOrganisation: true);
        new DisclosureControl(new GlopDisclosureAudit()).Apply(layout.Problem, K, layout.HiddenIn(earlier));
        var revised = layout.ToDocument(Period, 2, provisional: false, Rule);
        Assert.Null(revised.Tables.Single(t => t.Name == ReleaseLayout.BySex).Rows.Single(r => r.Label == "Residential").Cells[1]);
    }

    [Fact]
    public void A_revision_hides_a_cell_where_a_member_would_see_the_others_move_by_less_than_k()
    {
        // Residential women: A 20 and B 10, then A 25 and B 12. The cell moves by 7, which an outsider may see;
        // but A knows it added 5, so it would read that B recorded exactly 2 late.
        StatisticsInput Figures(long a, long b) => new(
        [
            new PopulationCount(ServiceType.Residential, OrganisationId(0), Sex.Female, AgeBand.From18To25, ExploitationTypes.Sexual, a),
            new PopulationCount(ServiceType.Residential, OrganisationId(1), Sex.Female, AgeBand.From18To25, ExploitationTypes.Sexual, b),
        ], 0, [], [new OrganisationLabel(OrganisationId(0), "A"), new OrganisationLabel(OrganisationId(1), "B")]);
        var first = ReleaseLayout.For(Figures(20, 10), byOrganisation: true);
        new DisclosureControl(new GlopDisclosureAudit()).Apply(first.Problem, K);
        var (earlier, shares) = (first.ToDocument(Period, 1, provisional: false, Rule), ReleaseShares.Decode(first.EncodeShares()));
        Assert.Equal(30, Cell(earlier));

        var second = ReleaseLayout.For(Figures(25, 12), byOrganisation: true);
        Assert.DoesNotContain(second.ChangedLittleSince(earlier, K), c => second.Problem.Values[c] == 37);
        var hidden = second.ChangedLittleForAMember(earlier, shares, K).ToList();
        Assert.Contains(hidden, c => second.Problem.Values[c] == 37);
        new DisclosureControl(new GlopDisclosureAudit()).Apply(second.Problem, K, hidden);
        Assert.Null(Cell(second.ToDocument(Period, 2, provisional: false, Rule)));

        // Had both moved by k or more as each member sees it (A +5, B +5), the revision shows the cell; without the
        // earlier shares (they did not open), every cell the earlier revision showed is hidden.
        var third = ReleaseLayout.For(Figures(25, 15), byOrganisation: true);
        Assert.DoesNotContain(third.ChangedLittleForAMember(earlier, shares, K), c => third.Problem.Values[c] == 40);
        Assert.Contains(third.ChangedLittleForAMember(earlier, null, K), c => third.Problem.Values[c] == 40);
        Assert.Null(ReleaseShares.Decode("{\"Version\":2}"u8.ToArray()));
        Assert.Null(ReleaseShares.Decode("not json"u8.ToArray()));

        static long? Cell(ReleaseDocument document) =>
            document.Tables.Single(t => t.Name == ReleaseLayout.BySex).Rows.Single(r => r.Label == "Residential").Cells[0];
    }

    private static (ReleaseDocument Published, ReleaseDocument Truth) Release(StatisticsInput input, bool protect)
    {
        var layout = ReleaseLayout.For(input, byOrganisation: true);
        if (protect)
        {
            new DisclosureControl(new GlopDisclosureAudit()).Apply(layout.Problem, K);
        }
        else
        {
            for (var cell = 0; cell < layout.Problem.Count; cell++)
            {
                if (layout.Problem.Values[cell] is > 0 and < K)
                {
                    layout.Problem.Suppress(cell);
                }
            }
        }

        return (layout.ToDocument(Period, 1, provisional: false, Rule), ReleaseLayout.For(input, byOrganisation: true).ToDocument(Period, 1, provisional: false, Rule));
    }

    private static StatisticsInput Input(int organisations, (int Service, int Organisation, int Sex, int Age, int Exploitation, int People)[] groups) =>
        new(
            [.. groups.Select(g => new PopulationCount(
                g.Service == 0 ? null : (ServiceType)g.Service, OrganisationId(g.Organisation), (Sex)g.Sex, (AgeBand)g.Age,
                g.Exploitation == 7 ? ExploitationTypes.Sexual | ExploitationTypes.Labour : (ExploitationTypes)(g.Exploitation == 0 ? 0 : 1 << (g.Exploitation - 1)),
                g.People > 12 ? g.People * 3 : g.People % 6))],
            0,
            [],
            [.. Enumerable.Range(0, organisations).Select(o => new OrganisationLabel(OrganisationId(o), $"Organisation {o}"))]);

    private static PopulationCount Group(ServiceType service, Sex sex, long people) =>
        new(service, OrganisationId(0), sex, AgeBand.From18To25, ExploitationTypes.Sexual, people);

    private static Guid OrganisationId(int index) => new(index + 1, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);
}
