package io.stampede.cluster;

import io.stampede.core.spec.ScenarioException;
import io.stampede.core.spec.UserSpec;
import java.util.List;

/**
 * Turns the scenario a master sent into the user specs a worker runs. Injected, so this module needs
 * no compiler: {@link ClassBytesScenarioBuilder} loads compiled classes, and a CLI that compiles
 * sources can bring its own.
 */
@FunctionalInterface
public interface ScenarioBuilder {
    List<UserSpec> build(ClusterScenario scenario) throws ScenarioException;
}
