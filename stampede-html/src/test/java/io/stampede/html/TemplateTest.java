package io.stampede.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slots are filled in one pass: a value that reads like a slot is never filled in turn. */
class TemplateTest {
    @Test
    void aValueThatReadsLikeASlotStaysText() {
        String page = Template.fill("<h1>@@TITLE@@</h1><script>@@DATA@@</script>",
                Map.of("TITLE", "GET /@@DATA@@ $1 \\", "DATA", "{}"));
        assertThat(page).isEqualTo("<h1>GET /@@DATA@@ $1 \\</h1><script>{}</script>");
    }

    @Test
    void aSlotWithoutAValueIsAnError() {
        assertThatThrownBy(() -> Template.fill("@@MISSING@@", Map.of())).hasMessageContaining("@@MISSING@@");
    }
}
