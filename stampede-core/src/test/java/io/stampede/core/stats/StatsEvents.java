package io.stampede.core.stats;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What a scenario can report (requests, exceptions, checks), as generated data for property tests,
 * and how to record it. Names, errors and messages come from small pools, so that keys collide and
 * merges have something to add; the pools hold the awkward cases (unicode, new lines, spaces that
 * could blur a row's identity, the empty string).
 */
final class StatsEvents {
    static final long BASE_EPOCH_MILLIS = 1_700_000_000_000L;
    static final List<String> METHODS = List.of("GET", "POST", "");
    static final List<String> NAMES = List.of("/a", "/a b", "a", "/ünï/çødé", "line\nbreak", "", "🦬 /emoji");
    static final List<String> ERRORS = List.of("HTTP 500", "b HTTP 500", "connection reset\nby peer", "тайм-аут");
    static final List<String> MESSAGES = List.of("boom", "bøom\nsecond line", "");
    static final List<String> CHECKS = List.of("status is 200", "body has ✓", "");

    private StatsEvents() {
    }

    sealed interface Event permits Request, Thrown, Check {
        /** When it happens, in milliseconds after {@link #BASE_EPOCH_MILLIS}. */
        long atMillis();

        void recordInto(StatsRegistry registry);
    }

    /** @param error an index into {@link #ERRORS}, or negative for a success */
    record Request(int method, int name, long nanos, long bytes, int error, long atMillis) implements Event {
        @Override
        public void recordInto(StatsRegistry registry) {
            registry.record(METHODS.get(method), NAMES.get(name), nanos, bytes, error < 0 ? null : ERRORS.get(error));
        }
    }

    record Thrown(int message, long atMillis) implements Event {
        @Override
        public void recordInto(StatsRegistry registry) {
            IllegalStateException e = new IllegalStateException(MESSAGES.get(message));
            // A fixed trace: the same exception from anywhere in the test is one row.
            e.setStackTrace(new StackTraceElement[] {new StackTraceElement("scenario.Checkout", "run", "Checkout.java", 42)});
            registry.recordException(e);
        }
    }

    record Check(int name, boolean passed, long atMillis) implements Event {
        @Override
        public void recordInto(StatsRegistry registry) {
            registry.recordCheck(CHECKS.get(name), passed);
        }
    }

    /** Sub-microsecond, ordinary and days-long response times, with their edges. */
    static Arbitrary<Long> latencies() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 2_000),
                Arbitraries.longs().between(2_000, 10_000_000_000L),
                Arbitraries.longs().between(10_000_000_000L, 1_000_000_000_000_000L))
                .edgeCases(c -> c.includeOnly(0L, 1L, 999L, 1_000L, 1_000_000_000_000_000L));
    }

    static Arbitrary<Long> times() {
        return Arbitraries.longs().between(0, 120_000);
    }

    static Arbitrary<Request> requests() {
        return Combinators.combine(Arbitraries.integers().between(0, METHODS.size() - 1),
                Arbitraries.integers().between(0, NAMES.size() - 1), latencies(),
                Arbitraries.longs().between(0, 1L << 30), Arbitraries.integers().between(-ERRORS.size(), ERRORS.size() - 1),
                times()).as(Request::new);
    }

    static Arbitrary<Event> events() {
        Arbitrary<Thrown> thrown = Combinators.combine(Arbitraries.integers().between(0, MESSAGES.size() - 1), times())
                .as(Thrown::new);
        Arbitrary<Check> checks = Combinators.combine(Arbitraries.integers().between(0, CHECKS.size() - 1),
                Arbitraries.of(true, false), times()).as(Check::new);
        return Arbitraries.frequencyOf(
                Tuple.of(8, requests()), Tuple.of(1, thrown), Tuple.of(2, checks));
    }

    static Arbitrary<List<Event>> eventLists() {
        return events().list().ofMaxSize(60);
    }

    /** Records events at their times into a registry whose clock this sets. */
    static void record(List<Event> events, StatsRegistry registry, FakeClock clock) {
        for (Event e : events) {
            clock.epochMillis = BASE_EPOCH_MILLIS + e.atMillis();
            e.recordInto(registry);
        }
    }

    /** One interval holding all {@code events}, from a fresh registry named {@code node}. */
    static StatsInterval intervalOf(List<Event> events, String node, long sequence) {
        FakeClock clock = new FakeClock();
        clock.epochMillis = BASE_EPOCH_MILLIS;
        StatsRegistry registry = new StatsRegistry(clock, node);
        StatsCollector collector = new StatsCollector(registry, clock);
        record(events, registry, clock);
        clock.epochMillis = BASE_EPOCH_MILLIS + 1_000 * sequence;
        StatsInterval interval = collector.next(events.size());
        return new StatsInterval(sequence, node, interval.startEpochMillis(), interval.endEpochMillis(),
                interval.users(), interval.entries(), interval.errors(), interval.exceptions(), interval.checks());
    }
}
