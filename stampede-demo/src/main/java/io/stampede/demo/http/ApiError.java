package io.stampede.demo.http;

/** An answer other than success, with the status and the "detail" message the client sees. */
final class ApiError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    ApiError(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }
}
