package io.stampede.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stampede.Tag;
import io.stampede.Task;
import io.stampede.User;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecReaderTest {
    public static class Tagged extends User {
        @Task
        @Tag("read")
        void read() {
        }

        @Task(5)
        @Tag("write")
        void write() {
        }

        @Task
        void untagged() {
        }
    }

    public static class Broken extends User {
        Broken(int notAllowed) {
        }

        @Task
        void withArgument(String s) {
        }
    }

    public static class NoTasks extends User {
    }

    @Test
    void readsTasksAndWeights() throws Exception {
        UserSpec spec = new SpecReader(TagFilter.NONE).read(List.of(Tagged.class)).get(0);
        assertThat(spec.tasks().items()).extracting(TaskSpec::name).containsExactly("read", "untagged", "write");
        assertThat(spec.tasks().totalWeight()).isEqualTo(7);
    }

    @Test
    void filtersByTags() throws Exception {
        var include = new SpecReader(new TagFilter(Set.of("write"), Set.of())).read(List.of(Tagged.class)).get(0);
        assertThat(include.tasks().items()).extracting(TaskSpec::name).containsExactly("write");
        var exclude = new SpecReader(new TagFilter(Set.of(), Set.of("write"))).read(List.of(Tagged.class)).get(0);
        assertThat(exclude.tasks().items()).extracting(TaskSpec::name).containsExactly("read", "untagged");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> new SpecReader(TagFilter.NONE).read(List.of(Broken.class, NoTasks.class)))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "Broken.withArgument: a @Task method takes no parameters",
                        "Broken: needs a constructor without parameters",
                        "NoTasks: no tasks (annotate methods with @Task)"));
    }

    @Test
    void noUserClassIsAnError() {
        assertThatThrownBy(() -> new SpecReader(TagFilter.NONE).read(List.of(String.class)))
                .hasMessageContaining("no user class found");
    }
}
