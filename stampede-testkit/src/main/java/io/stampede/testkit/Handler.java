package io.stampede.testkit;

/** A route of the test server. May block (it runs on the connection's virtual thread). */
@FunctionalInterface
public interface Handler {
    Reply handle(Request request) throws Exception;
}
