package io.shotplan.app.schedule;

import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.imports.UnknownShowException;
import io.shotplan.app.shot.ShotQueries;
import io.shotplan.sql.SecretHash;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * A show's dates as an iCalendar feed (RFC 5545, {@code text/calendar}) that calendar apps subscribe to: each
 * episode's delivery, its planned finish in the current plan (the baseline, else the newest), and its turnovers (the
 * days plates arrive from editorial, with how many). The feed's address carries a random token instead of a login,
 * because calendar apps cannot log in; a producer creates it and can replace it. Only the token's hash is stored
 * ({@link SecretHash}), so the address is shown once, when it is made.
 */
@Service
public class CalendarFeed {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final int TOKEN_BYTES = 24;
    private static final int MAX_LINE_OCTETS = 75;

    private final DSLContext dsl;
    private final ShotQueries shotQueries;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CalendarFeed(DSLContext dsl, ShotQueries shotQueries, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.shotQueries = shotQueries;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token for the show's feed, replacing the old one (whose address stops working); audited. */
    public String newToken(String showCode) {
        String token = HexFormat.of().formatHex(bytes());
        return dsl.transactionResult(tx -> {
            int updated = tx.dsl().update(SHOW).set(SHOW.CALENDAR_TOKEN, SecretHash.of(token))
                    .where(SHOW.CODE.eq(showCode)).execute();
            if (updated == 0) {
                throw new UnknownShowException(showCode);
            }
            audit.record(tx.dsl(), "CALENDAR_TOKEN", "show", showCode, "new calendar feed address; the old one stops working");
            return token;
        });
    }

    private byte[] bytes() {
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        return token;
    }

    /** The feed behind a token, or empty when no show has it. */
    public Optional<String> feed(String token) {
        return dsl.select(SHOW.ID, SHOW.CODE, SHOW.NAME).from(SHOW).where(SHOW.CALENDAR_TOKEN.eq(SecretHash.of(token)))
                .fetchOptional()
                .map(show -> calendar(show.value1(), show.value2(), show.value3()));
    }

    private String calendar(long showId, String code, String name) {
        StringBuilder ics = new StringBuilder();
        String stamp = STAMP.format(clock.instant().atOffset(ZoneOffset.UTC));
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//shotplan//schedule feed//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + text(name + " (" + code + ")"));
        dsl.selectFrom(EPISODE).where(EPISODE.SHOW_ID.eq(showId)).orderBy(EPISODE.CODE).forEach(e -> event(ics, stamp,
                "delivery-" + e.getCode() + "@" + code, e.getDeliveryDate(), e.getCode() + " delivery",
                code + " " + e.getCode() + (e.getTitle() == null ? "" : " " + e.getTitle()) + " is due"));
        shotQueries.currentPlanId(showId).ifPresent(planId -> dsl.select(EPISODE.CODE, max(PLAN_ITEM.END_DATE))
                .from(PLAN_ITEM).join(SHOT).on(SHOT.ID.eq(PLAN_ITEM.SHOT_ID)).join(EPISODE).on(EPISODE.ID.eq(SHOT.EPISODE_ID))
                .where(PLAN_ITEM.PLAN_ID.eq(planId)).groupBy(EPISODE.CODE).orderBy(EPISODE.CODE)
                .forEach(r -> event(ics, stamp, "finish-" + r.value1() + "@" + code, r.value2(),
                        r.value1() + " planned finish", "the last shot of " + r.value1() + " ends in plan " + planId)));
        dsl.select(EPISODE.CODE, SHOT.PLATE_READY_DATE, count()).from(SHOT).join(EPISODE).on(EPISODE.ID.eq(SHOT.EPISODE_ID))
                .where(SHOT.SHOW_ID.eq(showId), SHOT.PLATE_READY_DATE.isNotNull(), SHOT.STATUS.ne("OMITTED"))
                .groupBy(EPISODE.CODE, SHOT.PLATE_READY_DATE).orderBy(SHOT.PLATE_READY_DATE, EPISODE.CODE)
                .forEach(r -> event(ics, stamp, "turnover-" + r.value1() + "-" + DATE.format(r.value2()) + "@" + code,
                        r.value2(), r.value1() + " turnover: " + r.value3() + (r.value3() == 1 ? " plate" : " plates"),
                        "plates editorial turns over for " + r.value1()));
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** An all-day event. */
    private static void event(StringBuilder ics, String stamp, String uid, LocalDate day, String summary,
                              String description) {
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + text(uid));
        line(ics, "DTSTAMP:" + stamp);
        line(ics, "DTSTART;VALUE=DATE:" + DATE.format(day));
        line(ics, "DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
        line(ics, "SUMMARY:" + text(summary));
        line(ics, "DESCRIPTION:" + text(description));
        line(ics, "TRANSP:TRANSPARENT");
        line(ics, "END:VEVENT");
    }

    /** RFC 5545 TEXT: backslash, semicolon, comma and newline escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** A content line folded at 75 octets (never inside a UTF-8 sequence), ended by CRLF. */
    static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > MAX_LINE_OCTETS) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        ics.append("\r\n");
    }
}
