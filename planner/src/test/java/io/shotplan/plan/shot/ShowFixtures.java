package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shotplan.show.AiCapability;
import io.shotplan.show.AiPolicy;
import io.shotplan.show.BidTemplate;
import io.shotplan.show.CrewPlan;
import io.shotplan.show.Discipline;
import io.shotplan.show.Episode;
import io.shotplan.show.GpuPool;
import io.shotplan.show.Resolution;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotStatus;
import io.shotplan.show.Show;

/** Small shows for planner tests, built in code so each test can see every number it depends on. */
final class ShowFixtures {

    static final LocalDate START = LocalDate.of(2027, 1, 4); // a Monday

    private ShowFixtures() {
    }

    static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    static Shot shot(String code, String episode, String workType, int complexity, int frames) {
        return new Shot(code, episode, "SQ01", code, frames, bd("24"), Resolution.HD, workType, complexity, false,
                false, false, null, ShotStatus.NOT_STARTED, List.of(), Map.of());
    }

    static Shot withFlags(Shot s, boolean likeness, boolean consent, boolean humanOnly) {
        return new Shot(s.code(), s.episode(), s.sequence(), s.description(), s.frameCount(), s.fps(), s.resolution(),
                s.workType(), s.complexity(), likeness, consent, humanOnly, s.plateReadyDate(), s.status(), s.dependsOn(),
                s.notes());
    }

    static Shot withPlate(Shot s, LocalDate plate) {
        return new Shot(s.code(), s.episode(), s.sequence(), s.description(), s.frameCount(), s.fps(), s.resolution(),
                s.workType(), s.complexity(), s.performerLikeness(), s.consentOnFile(), s.humanOnly(), plate, s.status(),
                s.dependsOn(), s.notes());
    }

    static Shot withStatus(Shot s, ShotStatus status) {
        return new Shot(s.code(), s.episode(), s.sequence(), s.description(), s.frameCount(), s.fps(), s.resolution(),
                s.workType(), s.complexity(), s.performerLikeness(), s.consentOnFile(), s.humanOnly(), s.plateReadyDate(),
                status, s.dependsOn(), s.notes());
    }

    static Shot dependingOn(Shot s, String... codes) {
        return new Shot(s.code(), s.episode(), s.sequence(), s.description(), s.frameCount(), s.fps(), s.resolution(),
                s.workType(), s.complexity(), s.performerLikeness(), s.consentOnFile(), s.humanOnly(), s.plateReadyDate(),
                s.status(), List.of(codes), s.notes());
    }

    static AiCapability rotoAi() {
        // 2 GPU-seconds a frame on a 4-GPU pool; review 0.5 roto-days per 100 frames; 10 % rejected
        return new AiCapability("roto-ai", "roto", "standard", "a100", null, null, null, bd("2"), Resolution.HD, "roto",
                bd("0.5"), bd("0.10"), "segmenter");
    }

    static AiCapability paintVendor() {
        return new AiCapability("paint-vendor", "paint", "standard", null, "AcmeAI", bd("40"), "USD", bd("0"), Resolution.HD,
                "paint", bd("0.5"), bd("0.15"), "inpaint");
    }

    static BidTemplate bids() {
        List<BidTemplate.Entry> entries = new ArrayList<>();
        for (int c = 1; c <= 5; c++) {
            entries.add(new BidTemplate.Entry("roto", c, Map.of("roto", bd(Integer.toString(2 * c)), "comp", bd("1"))));
            entries.add(new BidTemplate.Entry("paint", c, Map.of("paint", bd(Integer.toString(2 * c)), "comp", bd("1"))));
            entries.add(new BidTemplate.Entry("comp", c, Map.of("comp", bd(Integer.toString(3 * c)))));
        }
        return new BidTemplate(entries);
    }

    static CrewPlan crew(String roto, String paint, String comp) {
        return new CrewPlan(List.of(
                new CrewPlan.Capacity("roto", START, bd(roto)),
                new CrewPlan.Capacity("paint", START, bd(paint)),
                new CrewPlan.Capacity("comp", START, bd(comp))), List.of());
    }

    /** Two episodes, roto/paint/comp crews, one GPU pool, in-house roto AI and a paint vendor. */
    static Show show(List<Shot> shots, BigDecimal episodeBudget, AiPolicy policy, CrewPlan crew) {
        return new Show("TST", "Test show", "USD", START, bd("10"), 2,
                List.of(new Episode("E1", "One", LocalDate.of(2027, 3, 1), episodeBudget),
                        new Episode("E2", "Two", LocalDate.of(2027, 3, 29), episodeBudget)),
                List.of(new Discipline("roto", "Roto", bd("500")), new Discipline("paint", "Paint", bd("500")),
                        new Discipline("comp", "Comp", bd("800"))),
                List.of(new GpuPool("a100", "A100", 4, bd("3"), bd("20"))),
                List.of(rotoAi(), paintVendor()), bids(), policy, crew, shots);
    }

    static Show smallShow() {
        List<Shot> shots = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            shots.add(shot("E1_" + i, "E1", i % 3 == 0 ? "comp" : i % 2 == 0 ? "paint" : "roto", 1 + i % 3, 96));
        }
        for (int i = 1; i <= 6; i++) {
            shots.add(shot("E2_" + i, "E2", i % 3 == 0 ? "comp" : i % 2 == 0 ? "paint" : "roto", 1 + i % 3, 120));
        }
        return show(shots, bd("100000"), new AiPolicy(bd("0.5"), Set.of()), crew("2", "2", "2"));
    }
}
