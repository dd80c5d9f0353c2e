package io.shotplan.app.schedule;

import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import io.shotplan.sql.SecretHash;
import java.io.StringReader;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The calendar feed: a producer gets its address, a calendar app reads it without a login, ical4j parses it. */
class CalendarFeedApiTest extends WebTest {

    @Autowired
    DSLContext dsl;

    @Test
    void aCalendarSubscribesToTheFeedByItsTokenAlone() throws Exception {
        String body = mvc.perform(post("/api/shows/" + SHOW + "/calendar").with(as(PRODUCER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String url = JsonMapper.builder().build().readTree(body).path("url").asString();
        assertThat(url).matches("/calendar/[0-9a-f]{48}\\.ics");
        String token = url.substring("/calendar/".length(), url.length() - ".ics".length());
        // only the token's hash is kept: the table gives no address to subscribe with
        var table = io.shotplan.sql.schema.Tables.SHOW;
        assertThat(dsl.select(table.CALENDAR_TOKEN).from(table).where(table.CODE.eq(SHOW)).fetchSingle(table.CALENDAR_TOKEN))
                .isEqualTo(SecretHash.of(token)).isNotEqualTo(token);

        String ics = mvc.perform(get(url)) // no credentials: the token is the key
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn().getResponse().getContentAsString();

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        List<String> summaries = events.stream().map(e -> e.getProperty("SUMMARY").orElseThrow().getValue()).toList();
        assertThat(summaries).contains("EP101 delivery", "EP102 delivery");
        assertThat(summaries).anySatisfy(s -> assertThat(s).matches("EP101 turnover: \\d+ plates?"));
        VEvent delivery = events.get(summaries.indexOf("EP101 delivery"));
        assertThat(delivery.getProperty("DTSTART").orElseThrow().getValue()).matches("\\d{8}");
        assertThat(ics).contains("\r\n").doesNotContain("\n\n");
        assertThat(ics.lines()).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
    }

    @Test
    void aNewAddressRetiresTheOldOneAndOnlyProducersMakeOne() throws Exception {
        String first = mvc.perform(post("/api/shows/" + SHOW + "/calendar").with(as(PRODUCER)))
                .andReturn().getResponse().getContentAsString();
        String old = JsonMapper.builder().build().readTree(first).path("url").asString();
        mvc.perform(post("/api/shows/" + SHOW + "/calendar").with(as(PRODUCER))).andExpect(status().isOk());

        mvc.perform(get(old)).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/guess.ics")).andExpect(status().isNotFound());
        mvc.perform(post("/api/shows/" + SHOW + "/calendar").with(as(SUPERVISOR))).andExpect(status().isForbidden());
    }
}
