package io.shotplan.app.show;

import java.util.List;

/** A replace that would lose costs or history: nothing was changed; each reason names what would be lost. */
public class ReplaceRefusedException extends IllegalStateException {

    private final List<String> reasons;

    public ReplaceRefusedException(String show, List<String> reasons) {
        super("show " + show + " was not replaced: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
