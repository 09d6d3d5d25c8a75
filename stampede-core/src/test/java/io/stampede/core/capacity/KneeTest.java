package io.stampede.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KneeTest {
    private static LoadLevel at(double load, double rps) {
        return new LoadLevel(load, rps, 10, 20);
    }

    @Test
    void theKneeIsTheFirstStepWhoseThroughputGrewLessThanTenPercent() {
        List<LoadLevel> levels = List.of(at(10, 10), at(20, 19.5), at(30, 21), at(40, 21.2), at(50, 30));
        Knee k = Knee.find(levels);
        assertThat(k).isEqualTo(new Knee(at(20, 19.5), at(30, 21)));
    }

    @Test
    void growingThroughputHasNoKnee() {
        assertThat(Knee.find(List.of(at(1, 1), at(2, 2), at(4, 4.4)))).isNull();
        assertThat(Knee.find(List.of(at(1, 1)))).isNull();
        assertThat(Knee.find(List.of())).isNull();
    }

    @Test
    void onlyMoreLoadCanBeFlatAndNoThroughputProvesNothing() {
        assertThat(Knee.flat(at(20, 20), at(20, 20))).as("same load").isFalse();
        assertThat(Knee.flat(at(20, 20), at(10, 10))).as("less load").isFalse();
        assertThat(Knee.flat(at(10, 0), at(20, 0))).as("nothing measured before").isFalse();
        assertThat(Knee.flat(at(10, 10), at(20, 10.99))).isTrue();
        assertThat(Knee.flat(at(10, 10), at(20, 11.01))).isFalse();
    }
}
