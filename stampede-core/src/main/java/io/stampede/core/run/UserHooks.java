package io.stampede.core.run;

import io.stampede.TaskSet;
import io.stampede.User;
import io.stampede.WaitTime;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Calls the protected life-cycle methods of users and task sets. They are protected so that scenario
 * authors see them as things to override, not to call; the engine reaches them through method
 * handles rather than widening the public API.
 */
final class UserHooks {
    private static final MethodHandle USER_ON_START = find(User.class, "onStart", void.class);
    private static final MethodHandle USER_ON_STOP = find(User.class, "onStop", void.class);
    private static final MethodHandle USER_WAIT_TIME = find(User.class, "waitTime", WaitTime.class);
    private static final MethodHandle SET_ON_START = find(TaskSet.class, "onStart", void.class);
    private static final MethodHandle SET_ON_STOP = find(TaskSet.class, "onStop", void.class);
    private static final MethodHandle SET_WAIT_TIME = find(TaskSet.class, "waitTime", WaitTime.class);

    private UserHooks() {
    }

    private static MethodHandle find(Class<?> owner, String name, Class<?> returns) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
                    .findVirtual(owner, name, MethodType.methodType(returns))
                    .asType(MethodType.methodType(returns, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static void onStart(Object userOrSet) throws Throwable {
        (userOrSet instanceof User ? USER_ON_START : SET_ON_START).invokeExact(userOrSet);
    }

    static void onStop(Object userOrSet) throws Throwable {
        (userOrSet instanceof User ? USER_ON_STOP : SET_ON_STOP).invokeExact(userOrSet);
    }

    static WaitTime waitTime(Object userOrSet) throws Throwable {
        return (WaitTime) (userOrSet instanceof User ? USER_WAIT_TIME : SET_WAIT_TIME).invokeExact(userOrSet);
    }
}
