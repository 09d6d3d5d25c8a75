package io.stampede;

/**
 * A response whose success the script decides (see {@link RequestBuilder#catchResponse()}). Its
 * sample is recorded once, at {@link #close()}.
 */
public interface CaughtResponse extends Response, AutoCloseable {
    /** Count this request as a success whatever its status. */
    void success();

    /** Count this request as a failure, grouped in the failures report under {@code reason}. */
    void failure(String reason);

    /** Records the sample. */
    @Override
    void close();
}
