package io.stampede.bench;

import io.stampede.core.spec.WeightedPicker;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Choosing a weighted task: done once per iteration of every user. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PickTaskBenchmark {
    private final WeightedPicker<String> picker = new WeightedPicker<>(
            List.of("browse", "view", "comment", "report", "refresh"), s -> switch (s) {
                case "browse" -> 4;
                case "view" -> 6;
                case "comment" -> 1;
                case "report" -> 1;
                default -> 2;
            });
    private final SplittableRandom random = new SplittableRandom(7);

    @Benchmark
    public String pick() {
        return picker.pick(random);
    }
}
