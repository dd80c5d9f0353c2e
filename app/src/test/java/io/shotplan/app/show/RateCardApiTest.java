package io.shotplan.app.show;

import static io.shotplan.app.security.Role.FINANCE;
import static io.shotplan.app.security.Role.PRODUCER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.shotplan.app.web.WebTest;
import io.shotplan.show.Show;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Each test edits a show of its own (the web tests share one database), so that its rates change without moving
 * another test's plans.
 */
class RateCardApiTest extends WebTest {

    /** A working Monday after the show starts on 1 February 2027. */
    private static final LocalDate CHANGE = LocalDate.of(2027, 3, 1);

    @Test
    void aProducerAddsAndChangesADatedCardWithTheRatesThatChange() throws Exception {
        String cards = cardsOf("TSU");
        mvc.perform(put(cards + "/2027-04-05").with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"April raise\", \"dayRates\": {\"comp\": 650}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("default"))
                .andExpect(jsonPath("$[0].until").value("2027-04-05"))
                .andExpect(jsonPath("$[1].name").value("April raise"))
                .andExpect(jsonPath("$[1].dayRates.comp").value(650.0))
                .andExpect(jsonPath("$[1].dayRates.roto").value(380.0));   // carried on from the card before
        mvc.perform(put(cards + "/2027-04-05").with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hourlyRates\": {\"render-a\": 2.10}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[1].hourlyRates['render-a']").value(2.1))
                .andExpect(jsonPath("$[1].dayRates.comp").value(650.0));
        mvc.perform(get("/api/audit").param("entity", "rate_card").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].entityId").value("TSU/2027-04-05"))
                .andExpect(jsonPath("$.items[0].detail").value("rate card 'April raise' from 2027-04-05: render-a 1.9 -> 2.10"))
                .andExpect(jsonPath("$.items[1].detail").value(
                        "rate card 'April raise' from 2027-04-05: new card, from the rates of 'default', comp 620 -> 650"));
        mvc.perform(get(cards).with(as(FINANCE))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", Matchers.contains("default", "April raise")));
    }

    @Test
    void aBadCardIsRefusedWithEachFieldNamedAndNothingSaved() throws Exception {
        String cards = cardsOf("TSV");
        mvc.perform(put(cards + "/2027-01-15").with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dayRates\": {\"comp\": -1, \"lighting\": 500}, \"hourlyRates\": {\"render-a\": 1.23456}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("name", "effectiveFrom",
                        "dayRates.comp", "dayRates.lighting", "hourlyRates.render-a")))
                .andExpect(jsonPath("$.errors[?(@.field == 'dayRates.lighting')].message",
                        Matchers.contains(Matchers.startsWith("unknown discipline 'lighting'; the show has comp, dmp"))));
        mvc.perform(get(cards).with(as(FINANCE))).andExpect(jsonPath("$[*].name", Matchers.contains("default")));
        mvc.perform(put("/api/shows/NOPE/rate-cards/2027-04-05").with(as(PRODUCER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\", \"dayRates\": {\"comp\": 1}}"))
                .andExpect(status().isNotFound());
    }

    /** Rates do not carry over into another currency: a card changing currency names them all, the first card too. */
    @Test
    void aCardInAnotherCurrencyNamesEveryRate() throws Exception {
        String cards = cardsOf("TSX");
        mvc.perform(put(cards + "/2027-04-05").with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"pesos\", \"currency\": \"ARS\", \"dayRates\": {\"comp\": 650000}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currency"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.allOf(
                        Matchers.startsWith("the card's rates are in USD; in ARS it names every rate"),
                        Matchers.endsWith("missing dayRates.dmp, dayRates.fx, dayRates.matchmove, dayRates.paint,"
                                + " dayRates.roto, hourlyRates.render-a"))));
        mvc.perform(put(cards + "/2027-04-05").with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"pesos\", \"currency\": \"PESOS\", \"dayRates\": {\"comp\": 1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("currency")));

        String allInEuros = "{\"currency\": \"eur\", \"dayRates\": {\"matchmove\": 480, \"roto\": 350, \"paint\": 370,"
                + " \"fx\": 720, \"dmp\": 650, \"comp\": 570}, \"hourlyRates\": {\"render-a\": 1.75}}";
        mvc.perform(put(cards + "/" + EXAMPLE.startDate()).with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content(allInEuros))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("default"))
                .andExpect(jsonPath("$[0].currency").value("EUR"))
                .andExpect(jsonPath("$[0].dayRates.comp").value(570.0));
        assertThat(shows.load(shows.findId("TSX").orElseThrow()).rateCurrency()).isEqualTo("EUR");
        mvc.perform(get("/api/audit").param("entity", "rate_card").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].detail").value(Matchers.startsWith(
                        "rate card 'default' from 2027-02-01: currency USD -> EUR, comp 620 -> 570")));
    }

    @Test
    void theNextPlanPricesTheDaysFromTheEditedCardAtItsRates() throws Exception {
        String cards = cardsOf("TSW");
        // artists and GPUs free from the change: what the plan books from then on costs nothing, what it booked before does
        mvc.perform(put(cards + "/" + CHANGE).with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"free\", \"dayRates\": {\"matchmove\": 0, \"roto\": 0, \"paint\": 0, \"fx\": 0,"
                                + " \"dmp\": 0, \"comp\": 0}, \"hourlyRates\": {\"render-a\": 0}}"))
                .andExpect(status().isOk());

        String started = mvc.perform(post("/api/shows/TSW/plans").with(as(PRODUCER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"seconds\": 2}"))
                .andReturn().getResponse().getContentAsString();
        long plan = awaitPlan(JsonPath.read(started, "$.id"));
        String items = mvc.perform(get("/api/plans/" + plan + "/items").param("mode", "TRADITIONAL").param("size", "1000")
                .with(as(FINANCE))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> traditional = JsonPath.read(items, "$.items");

        List<Map<String, Object>> fromTheChange = traditional.stream()
                .filter(i -> !LocalDate.parse((String) i.get("start")).isBefore(CHANGE)).toList();
        assertThat(fromTheChange).isNotEmpty();
        assertThat(fromTheChange).allSatisfy(i -> assertThat(new BigDecimal(i.get("plannedCost").toString()))
                .as("%s from %s", i.get("shot"), i.get("start")).isZero());
        assertThat(traditional).filteredOn(i -> LocalDate.parse((String) i.get("end")).isBefore(CHANGE))
                .allSatisfy(i -> assertThat(new BigDecimal(i.get("plannedCost").toString())).isPositive());
    }

    /** The rate cards' address of a copy of the example show under {@code code}, saved on first use. */
    private String cardsOf(String code) {
        if (shows.findId(code).isEmpty()) {
            Show show = EXAMPLE;
            shows.save(new Show(code, show.name(), show.currency(), show.startDate(), show.contingencyPercent(),
                    show.reviewBufferDays(), show.episodes(), show.disciplines(), show.gpuPools(), show.capabilities(),
                    show.bidTemplate(), show.policy(), show.crew(), show.shots()));
        }
        return "/api/shows/" + code + "/rate-cards";
    }
}
