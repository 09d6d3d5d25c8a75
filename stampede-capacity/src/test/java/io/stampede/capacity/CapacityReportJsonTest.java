package io.stampede.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.core.threshold.Threshold;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report is plain records: a stock ObjectMapper writes all of it, with no annotations or adapters. */
class CapacityReportJsonTest {
    @Test
    void jacksonWritesTheWholeReport() throws Exception {
        SearchSettings settings = new SearchSettings(new LoadModel.Closed(), 5, Duration.ofSeconds(10), 40,
                List.of(Threshold.parse("p95<1000ms")));
        Steps.Searched s = Steps.search(settings,
                load -> load <= 20 ? Steps.Answer.ok(load, 200) : Steps.Answer.ok(20, 200 * load / 20));
        CapacityReport report = CapacityReport.of(settings, s.steps(), s.reason(), null);
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report));
        assertThat(json.get("highestGood").asDouble()).isEqualTo(18);
        assertThat(json.get("unit").asText()).isEqualTo("users");
        assertThat(json.get("plateau").get("maxRps").asDouble()).isEqualTo(20);
        assertThat(json.get("knee").get("after").get("load").asDouble()).isEqualTo(40);
        assertThat(json.get("symptom").get("kind").asText()).isEqualTo("QUEUEING");
        assertThat(json.get("steps")).hasSize(7);
        JsonNode first = json.get("steps").get(0);
        assertThat(first.get("verdict").asText()).isEqualTo("GOOD");
        assertThat(first.get("step").get("p95Millis").asDouble()).isEqualTo(200);
        assertThat(first.get("step").get("slos").get(0).get("passed").asBoolean()).isTrue();
    }
}
