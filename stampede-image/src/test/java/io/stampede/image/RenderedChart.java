package io.stampede.image;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * deploy/helm/stampede rendered by Helm itself (helm-java runs Helm's Go code in-process, as
 * {@code helm template} does), each manifest read into fabric8's typed Kubernetes model. A manifest of
 * a kind the model does not know, or with a field its schema does not have, fails the rendering.
 */
record RenderedChart(String yaml, List<HasMetadata> resources) {
    static final String RELEASE = "load";
    static final String NAMESPACE = "perf";
    private static final Pattern DOCUMENT = Pattern.compile("(?m)^---\\s*$");

    static Path chart() {
        return Path.of(System.getProperty("stampede.chart", "../deploy/helm/stampede")).toAbsolutePath().normalize();
    }

    /** helm template load CHART --namespace perf --set k=v ... (and --set-file for the files given). */
    static RenderedChart render(Map<String, ?> set, Map<String, Path> setFile) {
        TemplateCommand template = new Helm(chart()).template().withName(RELEASE).withNamespace(NAMESPACE);
        new LinkedHashMap<>(set).forEach(template::set);
        setFile.forEach(template::setFile);
        return parse(template.call());
    }

    static RenderedChart render(Map<String, ?> set) {
        return render(set, Map.of());
    }

    static RenderedChart parse(String yaml) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : DOCUMENT.split(yaml)) {
            if (document.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
                continue;
            }
            KubernetesResource parsed = serialization.unmarshal(document, KubernetesResource.class);
            if (parsed instanceof GenericKubernetesResource generic) {
                throw new AssertionError("not a kind the Kubernetes model knows: " + generic.getApiVersion() + " "
                        + generic.getKind() + "\n" + document);
            }
            HasMetadata resource = (HasMetadata) parsed;
            List<String> unknown = UnknownFields.in(resource);
            if (!unknown.isEmpty()) {
                throw new AssertionError("fields the schema does not have: " + unknown + "\n" + document);
            }
            resources.add(resource);
        }
        return new RenderedChart(yaml, List.copyOf(resources));
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return resources.stream().filter(kind::isInstance).map(kind::cast)
                .filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name + " in\n" + yaml));
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    List<String> kinds() {
        return resources.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).sorted().toList();
    }
}
