package io.stampede.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.capacity.Steps.Answer;
import io.stampede.core.threshold.Threshold;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which symptom a made-up history shows first. */
class SymptomsTest {
    private static final List<Threshold> P95 = List.of(Threshold.parse("p95<1000ms"));
    private static final LoadModel USERS = new LoadModel.Closed();

    private static Symptom first(StepResult... steps) {
        return Symptoms.first(Verdict.of(List.of(steps)), USERS);
    }

    private static StepResult explore(double load, Answer a) {
        return Steps.step(StepKind.EXPLORE, load, a, P95);
    }

    private static StepResult narrow(double load, Answer a) {
        return Steps.step(StepKind.NARROW, load, a, P95);
    }

    @Test
    void aLatencySloThatBreaksAsThroughputLagsIsQueueingEvenBeforeAKnee() {
        // 22 to 25 users (+14%) bought 6% more throughput while p95 went past its SLO
        Symptom s = first(explore(10, Answer.ok(10, 300)), explore(20, Answer.ok(19.6, 900)),
                narrow(22, Answer.ok(19.6, 950)), narrow(25, Answer.ok(20.8, 1600)));
        assertThat(s.kind()).isEqualTo(SymptomKind.QUEUEING);
        assertThat(s.load()).isEqualTo(25);
    }

    @Test
    void aLatencySloThatBreaksWhileThroughputKeepsUpIsLatency() {
        Symptom s = first(explore(10, Answer.ok(10, 300)), explore(20, Answer.ok(20, 1200)));
        assertThat(s.kind()).isEqualTo(SymptomKind.LATENCY);
        assertThat(s.detail()).isEqualTo("at 20 users, p95<1000ms broke (was 1200.0) while throughput still grew");
    }

    @Test
    void throughputThatGoesFlatWithoutWaitingNamesNoSymptom() {
        // the server did not slow down and nothing failed: the limit is elsewhere (the load generator)
        assertThat(first(explore(10, Answer.ok(10, 100)), explore(20, Answer.ok(10.5, 100)))).isNull();
    }

    @Test
    void aFewFailuresAreNoSymptomButOnePercentIs() {
        assertThat(first(explore(100, new Answer(100, 100, 100, 0.005, 0, "HTTP 500")))).isNull();
        assertThat(first(explore(10, new Answer(10, 100, 100, 0.01, 0, "HTTP 500"))).kind()).isEqualTo(SymptomKind.ERRORS);
    }

    @Test
    void lagIsMeasuredAgainstTheLoadsGrowth() {
        assertThat(Symptoms.lagged(Steps.step(StepKind.EXPLORE, 18, Answer.ok(18, 1), List.of()),
                Steps.step(StepKind.NARROW, 19, Answer.ok(19, 1), List.of()))).as("linear, however close").isFalse();
        assertThat(Symptoms.lagged(Steps.step(StepKind.EXPLORE, 18, Answer.ok(18, 1), List.of()),
                Steps.step(StepKind.NARROW, 20, Answer.ok(18.5, 1), List.of()))).isTrue();
    }
}
