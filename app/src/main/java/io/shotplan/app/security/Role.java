package io.shotplan.app.security;

/** What a person may do; a user holds one or more. The README's role matrix says which endpoints each opens. */
public enum Role {
    /** Budgets, scenarios, plans, dispatch; reads the audit log. */
    PRODUCER,
    /** Shots: pins, eligibility (human-only, consent); dispatch. */
    SUPERVISOR,
    /** Reports and actuals; read-only elsewhere. */
    FINANCE,
    /** Users; reads the audit log. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
