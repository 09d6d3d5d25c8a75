package io.stampede.http2;

import io.stampede.http.RawResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.util.Callback;

/**
 * Reads one stream's response whole, on Jetty's thread, and completes {@link #response} when the
 * stream ends; the user's virtual thread waits on it. Informational (1xx) heads are skipped and
 * trailers end the stream without changing the response.
 */
final class ResponseReader implements Stream.Listener {
    private static final byte[] EMPTY = new byte[0];

    final CompletableFuture<RawResponse> response = new CompletableFuture<>();
    private int status;
    private HttpFields headers;
    private byte[] body = EMPTY;
    private int length;
    /** Whether any part of the answer arrived (a failure after it is the server's, not a refused stream). */
    volatile boolean answered;
    private volatile Stream stream;

    void opened(Stream s) {
        this.stream = s;
    }

    /** The stream could not be opened: the request never left. */
    void notOpened(Throwable failure) {
        response.completeExceptionally(new NotOpened(failure));
    }

    /** Its stream's id, or MAX_VALUE before it has one. */
    int streamId() {
        Stream s = stream;
        return s == null ? Integer.MAX_VALUE : s.getId();
    }

    /** The user gave up waiting (timeout, or stopped): the server is told to stop too. */
    void cancel() {
        Stream s = stream;
        if (s != null) {
            s.reset(new ResetFrame(s.getId(), ErrorCode.CANCEL_STREAM_ERROR.code), Callback.NOOP);
        }
    }

    @Override
    public void onHeaders(Stream stream, HeadersFrame frame) {
        answered = true;
        if (frame.getMetaData() instanceof MetaData.Response r) {
            if (HttpStatus.isInformational(r.getStatus())) {
                stream.demand();
                return;
            }
            status = r.getStatus();
            headers = r.getHttpFields();
            long announced = r.getContentLength();
            if (announced > 0 && announced <= Integer.MAX_VALUE - 8) {
                body = new byte[(int) announced];
            }
        }
        if (frame.isEndStream()) {
            finish();
        } else {
            stream.demand();
        }
    }

    @Override
    public void onDataAvailable(Stream stream) {
        Stream.Data data = stream.readData();
        if (data == null) {
            stream.demand();
            return;
        }
        ByteBuffer b = data.frame().getByteBuffer();
        int n = b.remaining();
        if (length + n > body.length) {
            body = Arrays.copyOf(body, Math.max(length + n, body.length * 2));
        }
        b.get(body, length, n);
        length += n;
        boolean last = data.frame().isEndStream();
        data.release();
        if (last) {
            finish();
        } else {
            stream.demand();
        }
    }

    private void finish() {
        HttpFields h = headers != null ? headers : HttpFields.EMPTY;
        byte[] bytes = length == body.length ? body : Arrays.copyOf(body, length);
        // HTTP/2 has no reason phrase: the standard one keeps failure names as over HTTP/1.1 ("HTTP 503 Service Unavailable")
        String reason = status >= 400 ? HttpStatus.getMessage(status) : null;
        response.complete(new RawResponse(status, reason, h::get, bytes));
    }

    @Override
    public void onReset(Stream stream, ResetFrame frame, Callback callback) {
        response.completeExceptionally(new StreamResetException(frame.getError(), answered));
        callback.succeeded();
    }

    @Override
    public void onFailure(Stream stream, int error, String reason, Throwable failure, Callback callback) {
        response.completeExceptionally(failure instanceof IOException ? failure : new IOException(reason, failure));
        callback.succeeded();
    }

    /** {@link #notOpened}'s failure. */
    static final class NotOpened extends IOException {
        private static final long serialVersionUID = 1L;

        NotOpened(Throwable cause) {
            super(cause);
        }
    }

    /** The server (or the connection's end) reset the stream. */
    static final class StreamResetException extends IOException {
        private static final long serialVersionUID = 1L;
        final boolean refused;

        StreamResetException(int error, boolean answered) {
            super("stream reset by the server (" + describe(error) + ")");
            this.refused = !answered && error == ErrorCode.REFUSED_STREAM_ERROR.code;
        }

        private static String describe(int error) {
            ErrorCode code = ErrorCode.from(error);
            return code == null ? "error " + error : code.name();
        }
    }
}
