package io.shotplan.app.show;

import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.RATE_CARD;
import static io.shotplan.sql.schema.Tables.RATE_CARD_DISCIPLINE;
import static io.shotplan.sql.schema.Tables.RATE_CARD_GPU_POOL;
import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.imports.ImportService;
import io.shotplan.show.RateCard;
import io.shotplan.show.RateCards;
import io.shotplan.show.Show;
import io.shotplan.show.io.ImportLimits;
import io.shotplan.show.io.ShowFolderReader;
import io.shotplan.sql.Database;
import io.shotplan.sql.money.ExchangeRate;
import io.shotplan.sql.money.ExchangeRateRepository;
import io.shotplan.sql.money.RateCardsInForce;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planning prices a day at the card the loaded show says is in force; metering bills a day at the card {@link
 * RateCardsInForce} finds. The show is loaded in that query's order, so on every day the two are the same card.
 */
class RateCardAgreementTest {

    private static final LocalDate CHANGE = LocalDate.of(2027, 5, 3);

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void planningAndMeteringPriceEachDayAtTheSameCard(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            new ImportService(db.dsl(), ImportLimits.DEFAULT, new AuditLog(db.dsl()))
                    .importShow(Path.of("../examples/snowfall"), false);
            ShowRepository shows = new ShowRepository(db.dsl());
            long showId = shows.findId("NVB").orElseThrow();
            RateCards planning = shows.load(showId).rateCards();

            for (LocalDate day : List.of(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 2, 1), CHANGE.minusDays(1), CHANGE,
                    LocalDate.of(2027, 9, 17), LocalDate.of(2030, 1, 1))) {
                long card = RateCardsInForce.cardOn(db.dsl(), showId, day).orElseThrow();
                assertThat(planning.on(day).name()).as("card on " + day).isEqualTo(name(db.dsl(), card));
                assertThat(planning.hourlyRate("render-a", day)).as("GPU-hour on " + day)
                        .isEqualByComparingTo(hourlyRate(db.dsl(), card, "render-a"));
                assertThat(planning.dayRate("comp", day)).as("comp day on " + day)
                        .isEqualByComparingTo(dayRate(db.dsl(), card, "comp"));
            }
            assertThat(planning.on(CHANGE.minusDays(1)).name()).isEqualTo(RateCards.FIRST);
            assertThat(planning.hourlyRate("render-a", CHANGE)).isEqualByComparingTo("2.05");
            assertThat(planning.dayRate("comp", CHANGE.minusDays(1))).isEqualByComparingTo("620");
            assertThat(planning.dayRate("comp", CHANGE)).isEqualByComparingTo("650");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aStoredShowKeepsItsRateCardsThroughAReplace(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            ImportService imports = new ImportService(db.dsl(), ImportLimits.DEFAULT, new AuditLog(db.dsl()));
            imports.importShow(Path.of("../examples/snowfall"), false);
            imports.importShow(Path.of("../examples/snowfall"), true);
            Show loaded = new ShowRepository(db.dsl()).load("NVB").orElseThrow();

            assertThat(loaded.rateCards().all()).extracting(c -> c.name(), c -> c.effectiveFrom())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(RateCards.FIRST, LocalDate.of(2027, 2, 1)),
                            org.assertj.core.groups.Tuple.tuple("2027 paritarias", CHANGE));
            assertThat(db.dsl().fetchCount(RATE_CARD)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aCardInAnotherCurrencyIsStoredInItAndPlannedAtTheShowsStoredExchangeRates(Supplier<Database> databases)
            throws Exception {
        try (Database db = databases.get()) {
            Show example = new ShowFolderReader().read(Path.of("../examples/snowfall"));
            BigDecimal thousand = BigDecimal.valueOf(1000);
            Map<String, BigDecimal> days = new HashMap<>();
            example.disciplines().forEach(d -> days.put(d.code(), d.dayRate().multiply(thousand)));
            Map<String, BigDecimal> hours = new HashMap<>();
            example.gpuPools().forEach(p -> hours.put(p.code(), p.hourlyRate().multiply(thousand)));
            ShowRepository shows = new ShowRepository(db.dsl());
            long showId = shows.save(new Show("PSO", example.name(), example.currency(), example.startDate(),
                    example.contingencyPercent(), example.reviewBufferDays(), example.episodes(), example.disciplines(),
                    example.gpuPools(), example.capabilities(), example.bidTemplate(), example.policy(), example.crew(),
                    example.shots()).withRates(example.currency(), List.of(new RateCard("studio", "ARS", CHANGE, days, hours)),
                    List.of()));
            db.dsl().transaction(tx -> new ExchangeRateRepository(tx.dsl()).store(showId,
                    List.of(new ExchangeRate("ARS", CHANGE, new BigDecimal("1250"))), "test", "test"));

            RateCards planning = shows.load(showId).rateCards();

            assertThat(RateCardsInForce.ofShow(db.dsl(), showId)).extracting(s -> s.currency().trim())
                    .containsExactly("USD", "ARS");
            assertThat(planning.on(CHANGE).currency()).isEqualTo("ARS");
            assertThat(planning.dayRate("comp", CHANGE.minusDays(1))).isEqualByComparingTo("620");
            assertThat(planning.dayRate("comp", CHANGE)).isEqualByComparingTo("496"); // 620,000 pesos at 1,250
        }
    }

    private static String name(DSLContext dsl, long card) {
        return dsl.select(RATE_CARD.NAME).from(RATE_CARD).where(RATE_CARD.ID.eq(card)).fetchSingle(RATE_CARD.NAME);
    }

    private static java.math.BigDecimal hourlyRate(DSLContext dsl, long card, String pool) {
        return dsl.select(RATE_CARD_GPU_POOL.HOURLY_RATE).from(RATE_CARD_GPU_POOL).join(GPU_POOL)
                .on(GPU_POOL.ID.eq(RATE_CARD_GPU_POOL.GPU_POOL_ID))
                .where(RATE_CARD_GPU_POOL.RATE_CARD_ID.eq(card), GPU_POOL.CODE.eq(pool))
                .fetchSingle(RATE_CARD_GPU_POOL.HOURLY_RATE);
    }

    private static java.math.BigDecimal dayRate(DSLContext dsl, long card, String discipline) {
        return dsl.select(RATE_CARD_DISCIPLINE.DAY_RATE).from(RATE_CARD_DISCIPLINE).join(DISCIPLINE)
                .on(DISCIPLINE.ID.eq(RATE_CARD_DISCIPLINE.DISCIPLINE_ID))
                .where(RATE_CARD_DISCIPLINE.RATE_CARD_ID.eq(card), DISCIPLINE.CODE.eq(discipline))
                .fetchSingle(RATE_CARD_DISCIPLINE.DAY_RATE);
    }
}
