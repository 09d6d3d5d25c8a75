package io.stampede.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadPlanTest {
    @Test
    void stagesBecomeLinearRamps() {
        LoadPlan plan = LoadPlan.stages(Stage.parseList("2m:1000,5m:1000,2m:0"));
        assertThat(plan.duration()).isEqualTo(Duration.ofMinutes(9));
        assertThat(plan.steps()).containsExactly(
                new LoadStep(Duration.ZERO, 1000, 1000 / 120.0),
                new LoadStep(Duration.ofMinutes(7), 0, 1000 / 120.0));
    }

    @Test
    void stepLoadMakesOnePhasePerStep() {
        LoadPlan plan = LoadPlan.stepLoad(10, Duration.ofSeconds(30), 35, 5, null);
        assertThat(plan.steps()).extracting(LoadStep::users).containsExactly(10, 20, 30, 35);
        assertThat(plan.steps()).extracting(LoadStep::phase).containsExactly("step 1", "step 2", "step 3", "step 4");
        assertThat(plan.steps().get(3).at()).isEqualTo(Duration.ofSeconds(90));
        assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void badStagesSayWhatIsExpected() {
        assertThatThrownBy(() -> Stage.parseList("2m")).hasMessageContaining("examples: 2m:1000");
        assertThatThrownBy(() -> Stage.parseList("2m:lots")).hasMessageContaining("must be a number");
        assertThat(Stage.parseList("30s:50/s").get(0).target()).isEqualTo(50);
    }
}
