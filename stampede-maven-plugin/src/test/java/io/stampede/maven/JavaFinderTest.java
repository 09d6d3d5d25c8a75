package io.stampede.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which java runs the scenario. */
class JavaFinderTest {
    @Test
    void readsTheFeatureVersionOfARealJdk() {
        assertThat(JavaFinder.version(Path.of(System.getProperty("java.home")))).isEqualTo(Runtime.version().feature());
        assertThat(JavaFinder.version(Path.of("/nonexistent"))).isZero();
    }

    @Test
    void maven21OrNewerRunsTheScenarioOnItsOwnJava() throws Exception {
        // this test runs on 21+; without a toolchain, Maven's own java is the one
        assertThat(JavaFinder.find(null, null, null)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    @Test
    void aJvmThatIsNotThereIsOneLine() {
        assertThatThrownBy(() -> JavaFinder.find("/nonexistent/bin/java", null, null))
                .hasMessage("stampede: -Dstampede.jvm=/nonexistent/bin/java is not an executable java");
    }
}
