package io.stampede;

/**
 * A task set whose tasks run in a fixed order, again and again, until a task calls
 * {@link #interrupt()} (Locust's {@code SequentialTaskSet}): a user journey such as browse, view,
 * add to cart, check out. Each task says its place with {@code @Task(order = N)}; a weight repeats
 * the task that many times in a row. The wait time applies between steps.
 *
 * <pre>{@code
 * @Task static class Checkout extends SequentialTaskSet<ShopUser> {
 *     @Task(order = 1) void browse() { client().get("/products/"); }
 *     @Task(order = 2) void buy()    { client().post("/orders/", "{}"); interrupt(); }
 * }
 * }</pre>
 *
 * @param <U> the user class that owns this task set
 */
public abstract class SequentialTaskSet<U extends User> extends TaskSet<U> {
}
