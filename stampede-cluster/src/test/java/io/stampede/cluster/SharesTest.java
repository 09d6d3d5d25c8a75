package io.stampede.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.run.LoadTarget;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SharesTest {
    @Test
    void largestRemaindersAddUpAndStayWithinOneOfTheExactShare() {
        assertThat(Shares.split(100, new int[] {1, 1, 2})).containsExactly(25, 25, 50);
        assertThat(Shares.split(8, new int[] {1, 2})).containsExactly(3, 5); // 2.67 and 5.33: the larger remainder wins
        assertThat(Shares.split(2, new int[] {1, 1, 1})).containsExactly(1, 1, 0); // a tie goes to the earlier worker
        Random random = new Random(3);
        for (int round = 0; round < 1000; round++) {
            int[] weights = random.ints(1 + random.nextInt(8), 1, 17).toArray();
            int total = random.nextInt(100_000);
            int[] parts = Shares.split(total, weights);
            assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
            double sum = Arrays.stream(weights).sum();
            for (int i = 0; i < parts.length; i++) {
                assertThat(Math.abs(parts[i] - total * weights[i] / sum)).isLessThan(1);
            }
        }
    }

    @Test
    void ratesSplitInProportionAndPoolsKeepAUserEach() {
        var pool = new LoadTarget.ArrivalPool(2, 10, Duration.ofSeconds(5));
        List<LoadTarget> shares = TargetSplit.split(new LoadTarget.Rate(90, Duration.ofSeconds(10), pool),
                new int[] {1, 2, 6}, Duration.ofSeconds(4));
        assertThat(shares).containsExactly(
                new LoadTarget.Rate(10, Duration.ofSeconds(6), new LoadTarget.ArrivalPool(1, 1, Duration.ofSeconds(5)), null),
                new LoadTarget.Rate(20, Duration.ofSeconds(6), new LoadTarget.ArrivalPool(1, 2, Duration.ofSeconds(5)), null),
                new LoadTarget.Rate(60, Duration.ofSeconds(6), new LoadTarget.ArrivalPool(1, 7, Duration.ofSeconds(5)), null));
    }
}
