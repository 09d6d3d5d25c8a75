package io.stampede.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedPickerTest {
    @Test
    void picksInProportionToWeights() {
        WeightedPicker<String> picker = new WeightedPicker<>(List.of("a", "b", "c"), s -> switch (s) {
            case "a" -> 1;
            case "b" -> 3;
            default -> 6;
        });
        Map<String, Integer> seen = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            seen.merge(picker.pick(random), 1, Integer::sum);
        }
        // binomial standard deviation at n=100k is under 0.16%; 1% is far outside chance
        assertThat(seen.get("a") / (double) n).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));
        assertThat(seen.get("b") / (double) n).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(seen.get("c") / (double) n).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void rejectsZeroWeight() {
        assertThatThrownBy(() -> new WeightedPicker<>(List.of("a"), s -> 0)).hasMessageContaining("at least 1");
    }
}
