package io.shotplan.app.web;

/** The server is too busy for this request right now (a bounded wait ran out): 503 with Retry-After. */
public class ServerBusyException extends RuntimeException {

    public ServerBusyException(String message) {
        super(message);
    }
}
