package io.stampede.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private final Variable password = new Variable("P", new Source.Environment("P"), "password");

    @Test
    void aSecretIsCutOnlyWhereItIsAWholeValue() {
        String body = "{\"email\":\"demo@example.com\",\"password\":\"demo\"}";
        assertThat(Template.expression(body, Map.of("demo", password), true))
                .isEqualTo("\"{\\\"email\\\":\\\"demo@example.com\\\",\\\"password\\\":\\\"\" + json(env(\"P\")) + \"\\\"}\"");
    }

    @Test
    void aJsonEscapedSecretIsFoundToo() {
        String body = "{\"password\":\"a\\\"b\"}";
        assertThat(Template.expression(body, Map.of("a\"b", password), true)).doesNotContain("a\\\\\\\"b")
                .contains("json(env(\"P\"))");
    }

    @Test
    void textWithoutSecretsIsOneLiteral() {
        assertThat(Template.expression("/api/v1/products/?page=1", Map.of(), false)).isEqualTo("\"/api/v1/products/?page=1\"");
        assertThat(Template.expression("", Map.of(), false)).isEqualTo("\"\"");
    }

    @Test
    void statsNamesGroupIds() {
        assertThat(ScenarioWriter.statsName("/api/v1/products/7/comments/")).isEqualTo("/api/v1/products/[id]/comments/");
        assertThat(ScenarioWriter.statsName("/api/v1/products/")).isNull();
    }
}
