package io.shotplan.app.imports;

/** An import names a show that is not in the database: a REST endpoint answers 404. */
public class UnknownShowException extends IllegalArgumentException {

    private final String showCode;

    public UnknownShowException(String showCode) {
        super("no show " + showCode + " in the database; import its show folder first (shotplan import show DIR)");
        this.showCode = showCode;
    }

    public String showCode() {
        return showCode;
    }
}
