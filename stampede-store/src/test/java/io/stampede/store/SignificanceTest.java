package io.stampede.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tests' p-values against independent references: exact ones counted by enumerating every way
 * of choosing B's samples (a short Python script with SciPy's rankdata), approximate ones from
 * scipy.stats.mannwhitneyu (asymptotic, continuity-corrected) and norm.sf, SciPy 1.17. Sample values
 * are whole microseconds below 2048, which the histograms hold exactly, so the ties are the same.
 */
@Timeout(30)
class SignificanceTest {

    @Test
    void exactWithoutTies() {
        // B above A in every sample: 1 way out of C(6, 3) = 20
        assertThat(MannWhitney.pLarger(h(100, 200, 300), h(400, 500, 600))).isCloseTo(0.05, within(1e-12));
        assertThat(MannWhitney.pLarger(h(400, 500, 600), h(100, 200, 300))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void exactWithTies() {
        assertThat(MannWhitney.pLarger(h(100, 200, 200, 300, 500), h(200, 300, 300, 600)))
                .isCloseTo(0.20634920634920634, within(1e-12));
        assertThat(MannWhitney.pLarger(h(80, 100, 40, 240, 130, 160, 50, 30, 30, 10, 130, 180),
                h(320, 120, 280, 270, 40, 100, 190, 200, 140, 110))).isCloseTo(0.020283122450305113, within(1e-12));
    }

    @Test
    void normalApproximationWithTieCorrection() {
        Histogram a = h(160, 380, 350, 90, 240, 390, 310, 380, 50, 390, 10, 310, 170, 360, 150, 130, 310, 350, 360, 310,
                260, 100, 150, 100, 340, 250, 10, 50, 110, 380, 30, 200, 20, 180, 310, 390, 250, 280, 260, 370);
        Histogram b = h(330, 130, 280, 110, 70, 130, 360, 180, 210, 320, 450, 240, 310, 370, 290, 410, 270, 390, 420, 310,
                420, 190, 260, 60, 220, 430, 150, 250, 390, 410, 410, 110, 180, 450, 410, 220, 230, 120, 90, 350);
        assertThat(a.getTotalCount() + b.getTotalCount()).isGreaterThan(MannWhitney.EXACT_UP_TO);
        assertThat(MannWhitney.pLarger(a, b)).isCloseTo(0.062271876516239166, within(1e-6));
    }

    @Test
    void nothingToCompare() {
        assertThat(MannWhitney.pLarger(h(), h(100))).isEqualTo(1);
        // every sample in one bucket
        assertThat(MannWhitney.pLarger(h(IntStream.range(0, 50).map(i -> 700).toArray()),
                h(IntStream.range(0, 50).map(i -> 700).toArray()))).isEqualTo(1);
    }

    @Test
    void twoProportions() {
        assertThat(TwoProportions.pLarger(10, 1000, 30, 1000)).isCloseTo(0.0007006507904801069, within(1e-6));
        assertThat(TwoProportions.pLarger(0, 100, 1, 100)).isCloseTo(0.15804881101445628, within(1e-6));
        assertThat(TwoProportions.pLarger(20, 2000, 160, 2000)).isLessThan(1e-12);
        assertThat(TwoProportions.pLarger(0, 100, 0, 100)).isEqualTo(1);
        assertThat(TwoProportions.pLarger(0, 0, 5, 100)).isEqualTo(1);
    }

    @Test
    void normalTail() {
        assertThat(StandardNormal.upperTail(0)).isCloseTo(0.5, within(1e-7));
        assertThat(StandardNormal.upperTail(1.959963985)).isCloseTo(0.025, within(1e-7));
        assertThat(StandardNormal.upperTail(2.326347874)).isCloseTo(0.01, within(1e-7));
        assertThat(StandardNormal.upperTail(-1.644853627)).isCloseTo(0.95, within(1e-7));
        assertThat(StandardNormal.upperTail(40)).isBetween(0.0, 1e-12);
    }

    private static Histogram h(int... micros) {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        for (int v : micros) {
            h.recordValue(v);
        }
        return h;
    }
}
