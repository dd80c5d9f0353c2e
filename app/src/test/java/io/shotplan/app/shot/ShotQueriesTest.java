package io.shotplan.app.shot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.security.Role;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.app.user.UserRepository;
import io.shotplan.app.user.UserService;
import io.shotplan.show.Show;
import io.shotplan.show.ShotStatus;
import io.shotplan.show.io.ShowFolderReader;
import io.shotplan.sql.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The breakdown's reads and edits, users and the audit log, on H2 and PostgreSQL alike. */
class ShotQueriesTest {

    static final Show SHOW = new ShowFolderReader().read(Path.of("src/test/resources/shows/small"));

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void filtersPagesAndEditsWithTheirAuditEntries(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            new ShowRepository(db.dsl()).save(SHOW);
            ShotQueries queries = new ShotQueries(db.dsl());
            AuditLog audit = new AuditLog(db.dsl());
            ShotEdits edits = new ShotEdits(db.dsl(), queries, audit);

            assertThat(queries.shows(false)).singleElement().satisfies(s -> {
                assertThat(s.shots()).isEqualTo(SHOW.shots().size());
                assertThat(s.episodes()).isEqualTo(2);
            });
            assertThat(queries.episodes("TST")).extracting(ShowView.EpisodeInfo::frames)
                    .containsExactly(SHOW.shots().stream().filter(s -> s.episode().equals("EP101")).mapToLong(s -> s.frameCount()).sum(),
                            SHOW.shots().stream().filter(s -> s.episode().equals("EP102")).mapToLong(s -> s.frameCount()).sum());
            var roto = queries.shots("TST", new ShotFilter("EP101", "roto", null, ShotStatus.NOT_STARTED), 0, 50);
            assertThat(roto.items()).extracting(ShowView.ShotRow::code).containsExactly("EP101_010_0030", "EP101_020_0020");
            var page = queries.shots("TST", new ShotFilter(null, null, null, null), 2, 5);
            assertThat(page.items()).hasSize(SHOW.shots().size() - 10);
            assertThat(page.total()).isEqualTo(SHOW.shots().size());
            assertThat(queries.shots("TST", new ShotFilter(null, null, ShotFilter.PlannedMode.AI, null), 0, 50).total()).isZero();

            edits.pin("TST", "EP101_010_0030", "roto-ai");
            edits.consent("TST", "EP102_010_0030", true);
            edits.budget("TST", "EP101", new BigDecimal("299999.99"));
            assertThat(queries.shot("TST", "EP101_010_0030").pinnedMode()).isEqualTo("roto-ai");
            assertThat(queries.shot("TST", "EP102_010_0030").consentOnFile()).isTrue();
            assertThat(queries.episodes("TST").getFirst().budget()).isEqualByComparingTo("299999.99");
            assertThat(audit.find(null, null, 0, 10).items()).extracting(a -> a.action())
                    .containsExactly("BUDGET", "ELIGIBILITY", "PIN");
            assertThatThrownBy(() -> edits.pin("TST", "EP102_010_0030", "upres-x2"))
                    .hasMessageContaining("does plate_upres work, not the shot's");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void usersKeepRolesAndTheLastAdmin(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            var repository = new UserRepository(db.dsl());
            var users = new UserService(db.dsl(), repository, new BCryptPasswordEncoder(4), new AuditLog(db.dsl()),
                    new io.shotplan.app.security.UserSessions(new org.springframework.security.core.session.SessionRegistryImpl()));
            users.createFirstAdmin().orElseThrow();
            users.create("maria", "long-enough-password", EnumSet.of(Role.PRODUCER, Role.FINANCE));

            assertThat(users.get("maria").roles()).containsExactlyInAnyOrder(Role.PRODUCER, Role.FINANCE);
            users.update("maria", EnumSet.of(Role.SUPERVISOR), false);
            assertThat(users.get("maria").roles()).containsExactly(Role.SUPERVISOR);
            assertThat(users.get("maria").enabled()).isFalse();
            assertThatThrownBy(() -> users.update("admin", EnumSet.of(Role.FINANCE), true)).hasMessageContaining("no enabled ADMIN");
            assertThat(users.get("admin").roles()).containsExactly(Role.ADMIN);
            assertThat(users.list()).extracting(u -> u.username()).containsExactly("admin", "maria");
        }
    }
}
