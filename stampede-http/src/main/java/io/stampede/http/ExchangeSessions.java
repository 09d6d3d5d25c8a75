package io.stampede.http;

import io.stampede.HttpSession;
import io.stampede.core.stats.RequestRecorder;

/**
 * A user's client over a transport from another module (stampede-http2): the same request building,
 * timing, recording and failure names as over ours, so a run's statistics mean the same whichever
 * protocol carried them.
 */
public final class ExchangeSessions {
    private ExchangeSessions() {
    }

    /** The session closes {@code exchanger} when its user stops. */
    public static HttpSession open(Exchanger exchanger, RequestRecorder recorder, HttpClientConfig config) {
        return new ExchangeSession(exchanger, recorder, config);
    }
}
