package io.stampede.cluster;

import com.google.protobuf.ByteString;
import io.stampede.cluster.v1.Apply;
import io.stampede.cluster.v1.Arrival;
import io.stampede.cluster.v1.ClassFile;
import io.stampede.cluster.v1.HttpConfig;
import io.stampede.cluster.v1.Interval;
import io.stampede.cluster.v1.RateTarget;
import io.stampede.cluster.v1.Scenario;
import io.stampede.cluster.v1.SourceFile;
import io.stampede.cluster.v1.UsersTarget;
import io.stampede.cluster.v1.WorkerStatus;
import io.stampede.core.run.LoadTarget;
import io.stampede.core.run.Measurement;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsIntervalCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Between the engine's values and the protocol's messages, both ways; nothing else knows the generated classes' shapes. */
final class Wire {
    private Wire() {
    }

    static Apply apply(long id, long lateNanos, LoadTarget target) {
        Apply.Builder a = Apply.newBuilder().setId(id).setLateNanos(lateNanos);
        switch (target) {
            case LoadTarget.Users u -> {
                UsersTarget.Builder b = UsersTarget.newBuilder().setUsers(u.users()).setSpawnRate(u.spawnRate())
                        .setAllClasses(u.userClasses() == null);
                if (u.userClasses() != null) {
                    b.addAllClasses(u.userClasses().stream().sorted().toList());
                }
                a.setUsers(b);
            }
            case LoadTarget.Rate r -> a.setRate(RateTarget.newBuilder().setPerSecond(r.perSecond())
                    .setRampNanos(r.ramp().toNanos()).setPreAllocated(r.pool().preAllocated())
                    .setMaxUsers(r.pool().maxUsers()).setMaxDelayNanos(r.pool().maxDelay().toNanos())
                    .setLastsNanos(r.lasts() == null ? -1 : r.lasts().toNanos()));
        }
        return a.build();
    }

    static LoadTarget target(Apply a) {
        return switch (a.getTargetCase()) {
            case USERS -> {
                UsersTarget u = a.getUsers();
                yield new LoadTarget.Users(u.getUsers(), u.getSpawnRate(),
                        u.getAllClasses() ? null : Set.copyOf(u.getClassesList()));
            }
            case RATE -> {
                RateTarget r = a.getRate();
                var pool = new LoadTarget.ArrivalPool(r.getPreAllocated(), r.getMaxUsers(),
                        Duration.ofNanos(r.getMaxDelayNanos()));
                yield new LoadTarget.Rate(r.getPerSecond(), Duration.ofNanos(r.getRampNanos()), pool,
                        r.getLastsNanos() < 0 ? null : Duration.ofNanos(r.getLastsNanos()));
            }
            case TARGET_NOT_SET -> throw new IllegalArgumentException("an Apply without a target");
        };
    }

    static Interval interval(Measurement m, WorkerStatus status) {
        Interval.Builder b = Interval.newBuilder().setStats(ByteString.copyFrom(StatsIntervalCodec.encode(m.stats())))
                .setStatus(status);
        if (m.uncorrected() != null) {
            b.setUncorrected(ByteString.copyFrom(StatsIntervalCodec.encode(m.uncorrected())));
        }
        if (m.arrival() != null) {
            ArrivalStats s = m.arrival();
            b.setArrival(Arrival.newBuilder().setScheduled(s.scheduled()).setStarted(s.started())
                    .setDropped(s.dropped()).setUsers(s.users()).setMaxUsers(s.maxUsers()));
        }
        return b.build();
    }

    /** @throws IllegalArgumentException when the bytes are not an interval of this build's format */
    static Measurement measurement(Interval i) {
        StatsInterval stats = StatsIntervalCodec.decode(i.getStats().toByteArray());
        StatsInterval uncorrected = i.getUncorrected().isEmpty() ? null
                : StatsIntervalCodec.decode(i.getUncorrected().toByteArray());
        ArrivalStats arrival = null;
        if (i.hasArrival()) {
            Arrival a = i.getArrival();
            arrival = new ArrivalStats(a.getScheduled(), a.getStarted(), a.getDropped(), a.getUsers(), a.getMaxUsers());
        }
        return new Measurement(stats, uncorrected, arrival);
    }

    static Scenario scenario(ClusterScenario s) {
        Scenario.Builder b = Scenario.newBuilder().addAllUserClasses(s.userClasses())
                .addAllTags(s.tags().include().stream().sorted().toList())
                .addAllExcludeTags(s.tags().exclude().stream().sorted().toList());
        s.classes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.addClasses(
                ClassFile.newBuilder().setName(e.getKey()).setBytes(ByteString.copyFrom(e.getValue()))));
        s.sources().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.addSources(
                SourceFile.newBuilder().setName(e.getKey()).setText(e.getValue())));
        s.classPath().forEach(e -> b.addClassPath(
                io.stampede.cluster.v1.ClassPathEntry.newBuilder().setName(e.name()).setJar(ByteString.copyFrom(e.jar()))));
        b.addAllClassPathClasses(s.classPathClasses());
        return b.build();
    }

    static ClusterScenario scenario(Scenario s) {
        Map<String, byte[]> classes = new HashMap<>();
        s.getClassesList().forEach(c -> classes.put(c.getName(), c.getBytes().toByteArray()));
        Map<String, String> sources = new HashMap<>();
        s.getSourcesList().forEach(f -> sources.put(f.getName(), f.getText()));
        List<ClassPathEntry> classPath = s.getClassPathList().stream()
                .map(e -> new ClassPathEntry(e.getName(), e.getJar().toByteArray())).toList();
        return new ClusterScenario(classes, sources, s.getUserClassesList(),
                new TagFilter(Set.copyOf(s.getTagsList()), Set.copyOf(s.getExcludeTagsList())), classPath,
                s.getClassPathClassesList());
    }

    static HttpConfig http(HttpSettings h) {
        return HttpConfig.newBuilder().setBaseUri(h.baseUri()).setConnectTimeoutMillis(h.connectTimeout().toMillis())
                .setReadTimeoutMillis(h.readTimeout().toMillis()).setInsecure(h.insecure())
                .setMaxConnections(h.maxConnections()).setUserAgent(h.userAgent()).setHttp2(h.http2()).build();
    }

    static HttpSettings http(HttpConfig h) {
        return new HttpSettings(h.getBaseUri(), Duration.ofMillis(h.getConnectTimeoutMillis()),
                Duration.ofMillis(h.getReadTimeoutMillis()), h.getInsecure(), h.getMaxConnections(), h.getUserAgent(),
                h.getHttp2());
    }
}
