package io.stampede.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.capacity.Steps.Answer;
import io.stampede.capacity.Steps.Searched;
import io.stampede.core.run.LoadTarget;
import io.stampede.core.threshold.Threshold;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/** The planner's choices against made-up systems: which loads it runs, where it stops, and why. */
class SearchPlannerTest {
    private static final Duration STEP = Duration.ofSeconds(3);
    private static final LoadModel USERS = new LoadModel.Closed();

    /** A pool that serves {@code plateau} req/s: below it every user gets 1 req/s in 200 ms; above it they queue. */
    private static DoubleFunction<Answer> pool(double plateau) {
        return load -> load <= plateau ? Answer.ok(load, 200) : Answer.ok(plateau, 200 * load / plateau);
    }

    private static SearchSettings users(double start, double max, String... slos) {
        return new SearchSettings(USERS, start, STEP, max, List.of(slos).stream().map(Threshold::parse).toList());
    }

    private static List<Double> loads(double... l) {
        return java.util.Arrays.stream(l).boxed().toList();
    }

    @Test
    void doublesUntilThroughputGoesFlatThenNarrowsBelowThePlateau() {
        Searched s = Steps.search(users(5, 40), pool(20));
        // 40 users bought no more than 20 did: 20 was on the plateau already, so the limit is in (10, 20]
        assertThat(s.loads()).isEqualTo(loads(5, 10, 20, 40, 15, 17, 18));
        assertThat(s.reason()).isEqualTo("narrowed 3 times: the limit is between 18 users (good) and 20 users (past knee)");
        CapacityReport r = CapacityReport.of(users(5, 40), s.steps(), s.reason(), null);
        assertThat(r.highestGood()).isEqualTo(18.0);
        assertThat(r.lowestBad()).isEqualTo(20.0);
        assertThat(r.plateau()).isEqualTo(new Plateau(20, 20));
        assertThat(r.knee().before().load()).isEqualTo(20);
        assertThat(r.knee().after().load()).isEqualTo(40);
        assertThat(r.symptom().kind()).isEqualTo(SymptomKind.QUEUEING);
        assertThat(r.symptom().load()).isEqualTo(40);
        assertThat(r.steps()).extracting(JudgedStep::verdict).containsExactly(StepVerdict.GOOD, StepVerdict.GOOD,
                StepVerdict.PAST_KNEE, StepVerdict.PAST_KNEE, StepVerdict.GOOD, StepVerdict.GOOD, StepVerdict.GOOD);
    }

    @Test
    void aBrokenSloEndsTheExplorationBeforeTheKnee() {
        // the response time grows with load long before throughput stops growing
        DoubleFunction<Answer> slowing = load -> Answer.ok(load, 100 + 10 * load);
        SearchSettings settings = users(5, 100, "p95<250ms");
        Searched s = Steps.search(settings, slowing);
        assertThat(s.loads()).isEqualTo(loads(5, 10, 20, 15, 12, 13));
        CapacityReport r = CapacityReport.of(settings, s.steps(), s.reason(), null);
        assertThat(r.highestGood()).isEqualTo(13.0);
        assertThat(r.highestSloMet()).isEqualTo(13.0);
        assertThat(r.lowestBad()).isEqualTo(15.0);
        assertThat(r.knee()).isNull();
        assertThat(r.symptom()).isEqualTo(new Symptom(SymptomKind.LATENCY, 15,
                "at 15 users, p95<250ms broke (was 250.0) while throughput still grew"));
    }

    @Test
    void aSystemThatKeepsUpIsGoodUpToTheMaximum() {
        Searched s = Steps.search(users(5, 30), pool(1000));
        assertThat(s.loads()).isEqualTo(loads(5, 10, 20, 30));
        assertThat(s.reason()).isEqualTo("every step was good up to the maximum load, 30 users");
        CapacityReport r = CapacityReport.of(users(5, 30), s.steps(), s.reason(), null);
        assertThat(r.highestGood()).isEqualTo(30.0);
        assertThat(r.lowestBad()).isNull();
        assertThat(r.knee()).isNull();
        assertThat(r.symptom()).isNull();
    }

    @Test
    void aStartThatIsAlreadyBadSaysToStartLower() {
        Searched s = Steps.search(users(5, 40, "p95<100ms"), pool(20));
        assertThat(s.loads()).isEqualTo(loads(5));
        assertThat(s.reason()).isEqualTo("the first step, 5 users, was already SLO broken: start lower");
    }

    @Test
    void aFixedStepExploresEvenlyAndNarrowingStopsWhenTheLoadsAreNeighbours() {
        SearchSettings settings = users(10, 50).withGrowth(new Growth.Step(10)).withNarrowSteps(5);
        Searched s = Steps.search(settings, pool(25));
        // 40 bought nothing over 30: 30 is on the plateau; 25 and 23 too (within 10% of it), 22 is not
        assertThat(s.loads()).isEqualTo(loads(10, 20, 30, 40, 25, 22, 23));
        assertThat(s.reason()).isEqualTo("the limit is between 22 users (good) and 23 users (past knee)");
    }

    @Test
    void errorsAndTimeoutsAreTheFirstSymptomWhereTheyShow() {
        DoubleFunction<Answer> refusing = load -> load < 20 ? Answer.ok(load, 50)
                : new Answer(load, 60, 80, 0.05, 0, "HTTP 503 Service Unavailable");
        SearchSettings settings = users(5, 40, "fail_ratio<0.01");
        Searched s = Steps.search(settings, refusing);
        Symptom first = CapacityReport.of(settings, s.steps(), s.reason(), null).symptom();
        assertThat(first.kind()).isEqualTo(SymptomKind.ERRORS);
        assertThat(first.load()).isEqualTo(20);
        assertThat(first.detail()).isEqualTo("at 20 users, 5.00% of requests failed, most often: HTTP 503 Service Unavailable");

        DoubleFunction<Answer> timingOut = load -> load < 20 ? Answer.ok(load, 50)
                : new Answer(load * 0.9, 900, 1000, 0.1, 0.08, "read timeout after 1s");
        s = Steps.search(settings, timingOut);
        first = CapacityReport.of(settings, s.steps(), s.reason(), null).symptom();
        assertThat(first.kind()).isEqualTo(SymptomKind.TIMEOUTS);
        assertThat(first.load()).isEqualTo(20);
    }

    @Test
    void anArrivalRateIsSearchedInTenthsPerSecond() {
        LoadModel open = new LoadModel.Open(new LoadTarget.ArrivalPool(5, 100, Duration.ofSeconds(5)));
        SearchSettings settings = new SearchSettings(open, 10, STEP, 100, List.of()).withNarrowSteps(10);
        Searched s = Steps.search(settings, pool(50));
        // 80/s is not flat against 40/s (50 > 44); 100/s is against 80/s: the knee is found one step late
        assertThat(s.loads().subList(0, 8)).isEqualTo(loads(10, 20, 40, 80, 100, 60, 50, 45));
        assertThat(s.loads()).allSatisfy(l -> assertThat(l * 10).isCloseTo(Math.rint(l * 10), org.assertj.core.data.Offset.offset(1e-9)));
        // bisection stops when good and bad are within 5% of each other
        StepResult last = s.steps().get(s.steps().size() - 1);
        assertThat(s.reason()).startsWith("the limit is between 45");
        assertThat(last.load()).isBetween(45.0, 50.0);
    }

    @Test
    void everySearchIsBoundedWhateverItsSettings() {
        SearchSettings creeping = users(1, 1_000_000).withGrowth(new Growth.Factor(1.0001));
        assertThat(new SearchPlanner(creeping).maxSteps()).isEqualTo(SearchPlanner.MAX_STEPS);
        // throughput that doubles with each user, so that no step of one user looks flat
        Searched s = Steps.search(creeping, load -> Answer.ok(Math.pow(2, load), 1));
        assertThat(s.steps()).hasSize(SearchPlanner.MAX_STEPS);
        assertThat(s.loads()).isSorted().doesNotHaveDuplicates();
        assertThat(s.reason()).isEqualTo("the search ran its most steps (40)");
    }

    @Test
    void maxStepsCountsTheExplorationAndTheNarrowing() {
        assertThat(new SearchPlanner(users(5, 40)).maxSteps()).isEqualTo(4 + 3); // 5, 10, 20, 40
        assertThat(new SearchPlanner(users(5, 41)).maxSteps()).isEqualTo(5 + 3); // ..., 40, 41
        assertThat(new SearchPlanner(users(5, 5)).maxSteps()).isEqualTo(1 + 3);
    }
}
