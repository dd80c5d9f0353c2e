package io.shotplan.app.show;

import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shotplan.show.AiCapability;
import io.shotplan.show.EstimateOverride;
import io.shotplan.show.EstimateOverride.ArtistDays;
import io.shotplan.show.EstimateOverride.GpuHours;
import io.shotplan.show.EstimateOverride.VendorCost;
import io.shotplan.show.RateCard;
import io.shotplan.show.Shot;
import io.shotplan.show.Show;
import io.shotplan.show.io.ShowFolderReader;
import io.shotplan.sql.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShowRepositoryTest {

    static final Show EXAMPLE = new ShowFolderReader().read(Path.of("../examples/snowfall"));

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aSavedShowLoadsBackEqual(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            var shows = new ShowRepository(db.dsl());
            shows.save(EXAMPLE);

            Show loaded = shows.load(EXAMPLE.code()).orElseThrow();

            ShowComparison.assertSameShow(loaded, EXAMPLE);
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void handBidsOfEveryKindLoadBackWithTheirShots(Supplier<Database> databases) {
        Show withBids = EXAMPLE.withEstimateOverrides(Map.of(
                "EP101_030_0060", List.of(new ArtistDays("TRADITIONAL", "roto", new BigDecimal("6")),
                        new ArtistDays("TRADITIONAL", "comp", BigDecimal.ZERO), new GpuHours("roto-ai", new BigDecimal("2.5"))),
                "EP101_010_0030", List.of(new VendorCost("snow-vendor", new BigDecimal("1800.50"), "USD")),
                "EP101_020_0040", List.of(new VendorCost("snow-vendor", new BigDecimal("1890000"), "ARS"))));
        try (Database db = databases.get()) {
            var shows = new ShowRepository(db.dsl());
            shows.save(withBids);

            ShowComparison.assertSameShow(shows.load(EXAMPLE.code()).orElseThrow(), withBids);
        }
    }

    /** A crew paid in pesos from the start and a vendor pricing in euros, for a show reported in dollars. */
    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void theCurrenciesOfTheRatesAndOfEachVendorLoadBack(Supplier<Database> databases) {
        Show show = EXAMPLE;
        Show inOtherCurrencies = new Show(show.code(), show.name(), show.currency(), show.startDate(),
                show.contingencyPercent(), show.reviewBufferDays(), show.episodes(), show.disciplines(), show.gpuPools(),
                show.capabilities().stream().map(c -> !c.isExternalVendor() ? c : new AiCapability(c.code(), c.workType(),
                        c.tier(), null, c.vendor(), c.vendorPricePerSecond(), "EUR", c.gpuSecondsPerFrame(),
                        c.referenceResolution(), c.reviewDiscipline(), c.reviewDaysPer100Frames(), c.rejectionRisk(),
                        c.model())).toList(),
                show.bidTemplate(), show.policy(), show.crew(), show.shots(), "ARS",
                show.rateChanges().stream().map(c -> new RateCard(c.name(), "ARS", c.effectiveFrom(), c.dayRates(),
                        c.hourlyRates())).toList(), show.exchangeRates());
        try (Database db = databases.get()) {
            var shows = new ShowRepository(db.dsl());
            shows.save(inOtherCurrencies);

            Show loaded = shows.load(EXAMPLE.code()).orElseThrow();
            ShowComparison.assertSameShow(loaded, inOtherCurrencies);
            assertThat(loaded.rateCards().all()).extracting(RateCard::currency).containsOnly("ARS");
            assertThat(loaded.capabilities()).filteredOn(AiCapability::isExternalVendor).extracting(AiCapability::vendorCurrency)
                    .containsOnly("EUR");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void replacingBidsTouchesOnlyTheShotsNamedAndAFailedReplaceLeavesTheOldBids(Supplier<Database> databases) {
        List<EstimateOverride> first = List.of(new ArtistDays("TRADITIONAL", "roto", new BigDecimal("6")));
        List<EstimateOverride> other = List.of(new ArtistDays("TRADITIONAL", "paint", new BigDecimal("2")));
        List<EstimateOverride> second = List.of(new GpuHours("roto-ai", new BigDecimal("1.25")));
        try (Database db = databases.get()) {
            var shows = new ShowRepository(db.dsl());
            long id = shows.save(EXAMPLE.withEstimateOverrides(Map.of("EP101_030_0060", first, "EP101_010_0010", other)));

            shows.replaceEstimateOverrides(id, Map.of("EP101_030_0060", second));
            assertThatThrownBy(() -> shows.replaceEstimateOverrides(id, Map.of("EP101_010_0010",
                    List.of(new ArtistDays("TRADITIONAL", "rotoscope", BigDecimal.ONE)))))
                    .hasMessageContaining("unknown discipline 'rotoscope'");

            ShowComparison.assertSameShow(shows.load(id),
                    EXAMPLE.withEstimateOverrides(Map.of("EP101_030_0060", second, "EP101_010_0010", other)));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void replacingAShowKeepsItsIdentityAndOmitsTheShotsTheNewListLacks(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            var shows = new ShowRepository(db.dsl());
            long id = shows.save(EXAMPLE);
            List<Shot> kept = EXAMPLE.shots().stream().filter(s -> s.dependsOn().isEmpty()).limit(3).toList();
            ShowReplacement replaced = db.dsl().transactionResult(tx -> new ShowRepository(tx.dsl())
                    .replace(tx.dsl(), id, EXAMPLE.withShots(kept)));

            assertThat(shows.findId(EXAMPLE.code())).contains(id);
            assertThat(db.dsl().fetchCount(SHOT)).isEqualTo(EXAMPLE.shots().size());
            assertThat(db.dsl().fetchCount(SHOT, SHOT.STATUS.eq("OMITTED"))).isEqualTo(EXAMPLE.shots().size() - 3);
            assertThat(replaced.shotsUpdated()).isEqualTo(3);
            assertThat(replaced.shotsOmitted()).isEqualTo(EXAMPLE.shots().size() - 3);
            assertThat(shows.load(id).shots()).filteredOn(s -> s.status() != io.shotplan.show.ShotStatus.OMITTED)
                    .extracting(Shot::code).containsExactlyInAnyOrderElementsOf(kept.stream().map(Shot::code).toList());
            assertThatThrownBy(() -> shows.save(EXAMPLE)).hasMessageContaining("already exists");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aShowThatFailsHalfWayLeavesNothingBehind(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            List<Shot> shots = new ArrayList<>(EXAMPLE.shots());
            Shot last = shots.removeLast();
            shots.add(new Shot(last.code(), "EP999", last.sequence(), last.description(), last.frameCount(), last.fps(),
                    last.resolution(), last.workType(), last.complexity(), false, false, false, null, last.status(),
                    List.of(), last.notes()));

            assertThatThrownBy(() -> new ShowRepository(db.dsl()).save(EXAMPLE.withShots(shots)))
                    .hasMessageContaining("unknown episode 'EP999'");
            assertThat(db.dsl().fetchCount(SHOW)).isZero();
            assertThat(db.dsl().fetchCount(SHOT)).isZero();
        }
    }
}
