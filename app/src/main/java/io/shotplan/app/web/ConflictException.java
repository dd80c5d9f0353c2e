package io.shotplan.app.web;

/** A request that is well formed but clashes with the current state (a user that exists, the last admin...): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
