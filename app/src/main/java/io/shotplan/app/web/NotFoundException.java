package io.shotplan.app.web;

/** A show, shot, plan, user... that does not exist: answered with 404 and what was looked for. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String key) {
        super(what + " '" + key + "' does not exist");
    }
}
