package io.stampede;

/**
 * A {@link User} with an HTTP {@link #client}: requests go to the run's host ({@code -H}) and are
 * recorded in the statistics by method and path (or by the {@link RequestBuilder#name name} given).
 *
 * <p>Each user keeps its own connection alive between requests, as a browser does, unless the run
 * uses a shared pool ({@code --max-connections}).
 */
public abstract class HttpUser extends User {
    /** This user's HTTP client. Never null inside tasks, {@code onStart} and {@code onStop}. */
    protected final HttpSession client;

    protected HttpUser() {
        this.client = runtime().http();
    }
}
