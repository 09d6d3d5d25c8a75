package io.stampede.cluster;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Hands the worker's host:port to the service, which sees only messages: notices name a worker by it
 * so a person can tell which machine went.
 */
final class PeerAddress implements ServerInterceptor {
    private static final Context.Key<String> ADDRESS = Context.key("stampede-worker-address");

    static String current() {
        String a = ADDRESS.get();
        return a == null ? "unknown address" : a;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        SocketAddress a = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        String text = a instanceof InetSocketAddress i ? i.getHostString() + ":" + i.getPort() : String.valueOf(a);
        return Contexts.interceptCall(Context.current().withValue(ADDRESS, text), call, headers, next);
    }
}
