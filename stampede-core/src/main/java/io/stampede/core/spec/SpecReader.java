package io.stampede.core.spec;

import io.stampede.Tag;
import io.stampede.Task;
import io.stampede.SequentialTaskSet;
import io.stampede.TaskSet;
import io.stampede.User;
import io.stampede.Weight;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads annotated user classes into {@link UserSpec}s once, before the run, and reports every
 * problem at once (a task with parameters, a missing constructor, a user with no tasks...), so a
 * scenario author fixes them in one go.
 */
public final class SpecReader {
    private final TagFilter tags;

    public SpecReader(TagFilter tags) {
        this.tags = tags;
    }

    /** The runnable user classes among {@code classes}; abstract and non-User classes are skipped. */
    public List<UserSpec> read(List<Class<?>> classes) throws ScenarioException {
        List<String> problems = new ArrayList<>();
        List<UserSpec> specs = new ArrayList<>();
        for (Class<?> c : classes) {
            if (isRunnableUser(c)) {
                UserSpec spec = readUser(c, problems);
                if (spec != null) {
                    specs.add(spec);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        if (specs.isEmpty()) {
            throw new ScenarioException("no user class found: declare a non-abstract class that extends HttpUser (or User)");
        }
        specs.sort(Comparator.comparing(UserSpec::name));
        return specs;
    }

    /** A concrete User subclass the engine can construct: top-level or static nested. */
    public static boolean isRunnableUser(Class<?> c) {
        boolean nestedOk = c.getEnclosingClass() == null || Modifier.isStatic(c.getModifiers());
        return User.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers()) && !c.isInterface()
                && !c.isAnonymousClass() && !c.isLocalClass() && nestedOk;
    }

    private UserSpec readUser(Class<?> c, List<String> problems) {
        int weight = c.isAnnotationPresent(Weight.class) ? c.getAnnotation(Weight.class).value() : 1;
        if (weight < 1) {
            problems.add(c.getSimpleName() + ": @Weight must be at least 1, was " + weight);
        }
        MethodHandle ctor = constructor(c, problems);
        int before = problems.size();
        List<TaskSpec> tasks = readTasks(c, User.class, problems, Set.of());
        if (tasks.isEmpty() && problems.size() == before) {
            problems.add(c.getSimpleName() + ": no tasks" + (tags.include().isEmpty() && tags.exclude().isEmpty()
                    ? " (annotate methods with @Task)" : " left after --tags/--exclude-tags"));
        }
        if (ctor == null || tasks.isEmpty() || weight < 1) {
            return null;
        }
        return new UserSpec(c, weight, ctor, new WeightedPicker<>(tasks, TaskSpec::weight));
    }

    private List<TaskSpec> readTasks(Class<?> c, Class<?> stopAt, List<String> problems, Set<String> inheritedTags) {
        List<TaskSpec> tasks = new ArrayList<>();
        for (Class<?> k = c; k != null && k != stopAt && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                Task task = m.getAnnotation(Task.class);
                if (task != null && !overridden(m, c, k)) {
                    TaskSpec spec = methodTask(m, task, problems, inheritedTags);
                    if (spec != null) {
                        tasks.add(spec);
                    }
                }
            }
            for (Class<?> nested : k.getDeclaredClasses()) {
                Task task = nested.getAnnotation(Task.class);
                if (task != null) {
                    TaskSpec spec = taskSetTask(nested, task, problems, inheritedTags);
                    if (spec != null) {
                        tasks.add(spec);
                    }
                }
            }
        }
        tasks.sort(Comparator.comparing(TaskSpec::name));
        return tasks;
    }

    private static boolean overridden(Method m, Class<?> leaf, Class<?> declaring) {
        for (Class<?> k = leaf; k != declaring; k = k.getSuperclass()) {
            try {
                k.getDeclaredMethod(m.getName(), m.getParameterTypes());
                return true;
            } catch (NoSuchMethodException e) {
                // not redeclared at this level
            }
        }
        return false;
    }

    private TaskSpec methodTask(Method m, Task task, List<String> problems, Set<String> inheritedTags) {
        String where = m.getDeclaringClass().getSimpleName() + "." + m.getName();
        if (m.getParameterCount() != 0) {
            problems.add(where + ": a @Task method takes no parameters");
            return null;
        }
        if (Modifier.isStatic(m.getModifiers())) {
            problems.add(where + ": a @Task method must not be static");
            return null;
        }
        if (task.value() < 1) {
            problems.add(where + ": @Task weight must be at least 1, was " + task.value());
            return null;
        }
        Set<String> own = tagsOf(m.getAnnotation(Tag.class), inheritedTags);
        if (tags.excluded(own) || !tags.included(own)) {
            return null;
        }
        try {
            MethodHandle h = MethodHandles.privateLookupIn(m.getDeclaringClass(), MethodHandles.lookup()).unreflect(m)
                    .asType(MethodType.methodType(void.class, Object.class));
            return new TaskSpec(m.getName(), task.value(), task.order(), own, h, null);
        } catch (IllegalAccessException e) {
            problems.add(where + ": cannot be called (" + e.getMessage() + ")");
            return null;
        }
    }

    private TaskSpec taskSetTask(Class<?> nested, Task task, List<String> problems, Set<String> inheritedTags) {
        String where = nested.getName().substring(nested.getName().lastIndexOf('.') + 1);
        if (!TaskSet.class.isAssignableFrom(nested)) {
            problems.add(where + ": a class annotated with @Task must extend TaskSet");
            return null;
        }
        if (!Modifier.isStatic(nested.getModifiers())) {
            problems.add(where + ": a nested TaskSet must be declared static");
            return null;
        }
        Set<String> own = tagsOf(nested.getAnnotation(Tag.class), inheritedTags);
        if (tags.excluded(own)) {
            return null;
        }
        // A task set that carries an included tag includes all its tasks, as in Locust.
        Set<String> passDown = tags.include().isEmpty() || !tags.included(own) ? own : union(own, tags.include());
        List<TaskSpec> tasks = readTasks(nested, TaskSet.class, problems, passDown);
        MethodHandle ctor = constructor(nested, problems);
        if (tasks.isEmpty() || ctor == null) {
            if (tasks.isEmpty() && tags.include().isEmpty() && tags.exclude().isEmpty()) {
                problems.add(where + ": no tasks (annotate methods with @Task)");
            }
            return null;
        }
        List<TaskSpec> sequence = SequentialTaskSet.class.isAssignableFrom(nested) ? sequence(where, tasks, problems) : null;
        TaskSetSpec set = new TaskSetSpec(nested, ctor, new WeightedPicker<>(tasks, TaskSpec::weight), sequence);
        return new TaskSpec(nested.getSimpleName(), task.value(), task.order(), own, null, set);
    }

    /** The run order of a SequentialTaskSet: by @Task(order), each task repeated weight times. */
    private static List<TaskSpec> sequence(String where, List<TaskSpec> tasks, List<String> problems) {
        List<TaskSpec> ordered = new ArrayList<>(tasks);
        ordered.sort(Comparator.comparingInt(TaskSpec::order));
        List<TaskSpec> sequence = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (TaskSpec t : ordered) {
            if (t.order() < 1) {
                problems.add(where + "." + t.name() + ": a task of a SequentialTaskSet needs its place, @Task(order = N) with N >= 1"
                        + " (Java does not keep the order methods are written in)");
            } else if (!seen.add(t.order())) {
                problems.add(where + "." + t.name() + ": another task already has order " + t.order());
            }
            for (int i = 0; i < t.weight(); i++) {
                sequence.add(t);
            }
        }
        return sequence;
    }

    private static Set<String> tagsOf(Tag tag, Set<String> inherited) {
        return tag == null ? inherited : union(inherited, Set.of(tag.value()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static MethodHandle constructor(Class<?> c, List<String> problems) {
        try {
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                    .findConstructor(c, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            problems.add(c.getSimpleName() + ": needs a constructor without parameters");
        } catch (IllegalAccessException e) {
            problems.add(c.getSimpleName() + ": constructor cannot be called (" + e.getMessage() + ")");
        }
        return null;
    }
}
