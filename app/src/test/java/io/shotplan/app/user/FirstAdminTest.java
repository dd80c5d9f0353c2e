package io.shotplan.app.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.sql.Database;
import io.shotplan.sql.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class FirstAdminTest {

    @Test
    void theFirstStartCreatesAnAdminWithARandomPasswordOnlyOnce() {
        try (Database db = TestDatabases.h2()) {
            var encoder = new BCryptPasswordEncoder(4);
            var repository = new UserRepository(db.dsl());
            var service = new UserService(db.dsl(), repository, encoder, new AuditLog(db.dsl()),
                    new io.shotplan.app.security.UserSessions(new org.springframework.security.core.session.SessionRegistryImpl()));

            String password = service.createFirstAdmin().orElseThrow();

            assertThat(password).hasSize(20);
            var admin = repository.findCredentials("admin").orElseThrow();
            assertThat(admin.account().roles()).containsExactly(io.shotplan.app.security.Role.ADMIN);
            assertThat(encoder.matches(password, admin.passwordHash())).isTrue();
            assertThat(service.createFirstAdmin()).isEmpty();
        }
    }

    @Test
    void twoStartsNeverShareAPassword() {
        try (Database a = TestDatabases.h2(); Database b = TestDatabases.h2()) {
            var encoder = new BCryptPasswordEncoder(4);
            String first = new UserService(a.dsl(), new UserRepository(a.dsl()), encoder, new AuditLog(a.dsl()),
                    new io.shotplan.app.security.UserSessions(new org.springframework.security.core.session.SessionRegistryImpl()))
                    .createFirstAdmin().orElseThrow();
            String second = new UserService(b.dsl(), new UserRepository(b.dsl()), encoder, new AuditLog(b.dsl()),
                    new io.shotplan.app.security.UserSessions(new org.springframework.security.core.session.SessionRegistryImpl()))
                    .createFirstAdmin().orElseThrow();
            assertThat(first).isNotEqualTo(second);
        }
    }
}
